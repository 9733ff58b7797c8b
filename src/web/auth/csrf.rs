//! Forms that change something carry the session's CSRF token. A handler
//! takes such a form as [`Checked`], which reads it and refuses it (403)
//! unless its token is the signed-in session's: the check cannot be forgotten.

use super::Facilitator;
use crate::error::AppError;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;
use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;

/// A form with the session's CSRF token in it.
pub trait CsrfToken {
    fn csrf(&self) -> &str;
}

/// `CsrfToken` for forms whose token is their `csrf` field.
macro_rules! csrf_field {
    ($($form:ty),+ $(,)?) => {
        $(impl $crate::web::auth::csrf::CsrfToken for $form {
            fn csrf(&self) -> &str {
                &self.csrf
            }
        })+
    };
}
pub(crate) use csrf_field;

/// A form from the signed-in facilitator, its CSRF token checked.
pub struct Checked<F>(F);

impl<F> Checked<F> {
    pub fn into_inner(self) -> F {
        self.0
    }
}

impl<F> Deref for Checked<F> {
    type Target = F;

    fn deref(&self) -> &F {
        &self.0
    }
}

impl<F: CsrfToken + DeserializeOwned + 'static> FromRequest for Checked<F> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = web::Form::<F>::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let facilitator = Facilitator::from_request_state(&req)
                .await?
                .ok_or(AppError::Unauthorized)?;
            let form = form.await?.into_inner();
            facilitator.check_csrf(form.csrf())?;
            Ok(Checked(form))
        })
    }
}
