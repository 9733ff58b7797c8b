//! Agenda, gathering and join-code types, validated where they enter the system.

pub mod account_name;
pub mod agenda;
pub mod agenda_input;
pub mod demo;
pub mod join_code;
pub mod markdown;
pub mod moderator_code;
pub mod prayer_request;
pub mod revocation;
pub mod secret_token;
pub mod time_zone;
pub mod translation;

pub use agenda::{NewAgenda, NewSection, NewTopic, Scripture, TopicKind};
pub use join_code::{JoinCode, JoinCodeError};
pub use time_zone::MeetingZone;
pub use translation::{GatheringText, SectionText, TopicText, Translation};
