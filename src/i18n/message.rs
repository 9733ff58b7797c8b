//! A message decided in one place and read in another: its key and its
//! variables, put into words only when the reader's language is known. Code
//! that has no reader at hand (a form's validation, the importer) returns a
//! [`Message`]; the page or the command formats it with [`Tr::say`]. Shown
//! with `{}`, a message reads in English (logs, tests, plain errors).

use super::Tr;
use fluent_bundle::{FluentArgs, FluentValue};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A message's variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// A message inside another ("it tells of …"), in the same language.
    Message(Box<Message>),
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Message {
            key,
            args: Vec::new(),
        }
    }

    /// Adds a text variable.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// Adds a number (which may choose a plural form).
    pub fn number(mut self, name: &'static str, value: impl super::Count) -> Self {
        self.args.push((name, Arg::Number(value.count())));
        self
    }

    /// Adds a message as a variable.
    pub fn message(mut self, name: &'static str, value: Message) -> Self {
        self.args.push((name, Arg::Message(Box::new(value))));
        self
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Tr::default().say(self))
    }
}

impl Tr {
    /// A [`Message`] in this language.
    pub fn say(&self, message: &Message) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.clone()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(inner) => FluentValue::from(self.say(inner)),
            };
            args.set(*name, value);
        }
        self.format(message.key, Some(&args))
    }
}
