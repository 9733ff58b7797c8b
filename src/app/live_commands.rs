//! What the console's and the phones' sockets change in a running gathering.
//! The room applies each command (`crate::live::room`, a state machine that
//! returns effects); here the command is also noted in the gathering's
//! history, for the account whose console made it.

use super::App;
use crate::live::protocol::Control;
use crate::live::room::{ControlOutcome, DeviceId, RoomCommand, RoomGone, RoomHandle};
use crate::store::Account;
use bytestring::ByteString;
use tokio::sync::mpsc;

impl App {
    /// A facilitator's command (next, jump, blank, end, reopen...): applied
    /// by the room; starting, ending or reopening is noted in the history.
    /// Awaited by the console's socket, so one console's milestones are
    /// written in the order it made them; the command has happened either
    /// way, so a failure to note it is only logged.
    pub async fn control(
        &self,
        room: &RoomHandle,
        account: Option<&Account>,
        control: Control,
    ) -> Result<ControlOutcome, RoomGone> {
        let outcome = room.control(control).await?;
        if let (Ok(Some(milestone)), Some(account)) = (&outcome, account)
            && let Err(error) = self
                .store
                .record_history(room.gathering_id, account, milestone.action())
                .await
        {
            tracing::warn!(
                %error,
                gathering = room.gathering_id,
                account = account.id,
                action = milestone.action().as_str(),
                "could not record a milestone in the gathering's history"
            );
        }
        Ok(outcome)
    }
}

impl App {
    /// A phone's "I'm praying" for a topic (`op` makes a retry count once).
    /// The room counts it and hands it to the group-commit writer; the phone
    /// is answered on `reply` only once it is on disk.
    pub async fn tap(
        &self,
        room: &RoomHandle,
        device: &DeviceId,
        topic: i64,
        op: String,
        reply: mpsc::Sender<ByteString>,
    ) -> Result<(), RoomGone> {
        room.send(RoomCommand::Tap {
            device: device.clone(),
            topic,
            op,
            reply,
        })
        .await
    }
}
