//! Agenda, gathering and join-code types, validated where they enter the system.

pub mod account;
pub mod account_name;
pub mod agenda;
pub mod agenda_input;
pub mod demo;
pub mod gathering;
pub mod join_code;
pub mod live_state;
pub mod markdown;
pub mod moderator_code;
pub mod prayer_request;
pub mod revocation;
pub mod secret_token;
pub mod time_zone;
pub mod translation;

pub use account::Account;
pub use agenda::{NewAgenda, NewSection, NewTopic, Scripture, TopicKind};
pub use gathering::{Gathering, StoredAgenda, StoredSection, StoredTopic};
pub use join_code::{JoinCode, JoinCodeError};
pub use live_state::{LiveRecord, TopicStat};
pub use time_zone::MeetingZone;
pub use translation::{GatheringText, SectionText, TopicText, Translation};
