//! The one or two languages the projector shows.

use super::chosen_language;
use crate::error::{AppError, AppResult};
use crate::i18n::{Message, Tr};
use crate::store::Gathering;
use crate::web::auth::Facilitator;
use crate::web::auth::csrf::Checked;
use crate::web::pages::LanguageOption;
use crate::web::{AppState, see_other};
use actix_web::{HttpResponse, web};
use fluent_bundle::FluentArgs;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ProjectorForm {
    #[serde(default)]
    csrf: String,
    /// "en", or "en,es" for two side by side.
    #[serde(default)]
    languages: String,
}

/// `POST /console/{code}/projector-languages`: what the projector shows,
/// one language or two side by side; it changes at once on every projector.
pub async fn set_projector(
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Checked<ProjectorForm>,
) -> AppResult<HttpResponse> {
    let gathering = facilitator.gathering()?;
    let codes: Vec<&str> = form.languages.split(',').collect();
    let mut chosen = Vec::new();
    for code in codes.iter().take(3) {
        let language = chosen_language(code)?;
        if !chosen.contains(&language) {
            chosen.push(language);
        }
    }
    if chosen.is_empty() || chosen.len() > 2 {
        return Err(AppError::BadRequest(Message::new("topics-language-error")));
    }
    state
        .app
        .set_projector_languages(&gathering, &chosen.join(","))
        .await?;
    Ok(see_other(format!("/console/{}", gathering.code)))
}

/// The projector choices the console offers: the main language alone, each
/// translation alone, and the main language beside each translation.
pub fn projector_choices(
    t: &Tr,
    gathering: &Gathering,
    translations: &[String],
) -> Vec<LanguageOption> {
    let main = gathering.language.as_str();
    let current = gathering.projector_languages().join(",");
    let mut values = vec![main.to_string()];
    values.extend(translations.iter().cloned());
    values.extend(translations.iter().map(|l| format!("{main},{l}")));
    values
        .into_iter()
        .map(|value| {
            let name = match value.split_once(',') {
                Some((first, second)) => {
                    let mut args = FluentArgs::new();
                    args.set("first", t.language_name(first));
                    args.set("second", t.language_name(second));
                    t.format("topics-projector-two", Some(&args))
                }
                None => t.language_name(&value),
            };
            LanguageOption {
                chosen: value == current,
                code: value,
                name,
                progress: String::new(),
            }
        })
        .collect()
}

crate::web::auth::csrf::csrf_field!(ProjectorForm);
