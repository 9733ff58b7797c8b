//! The forms and links a page draws, read as a browser reads them, so tests
//! press what a person presses: a form's own action, method, fields and
//! buttons, never a route typed into the test.

use scraper::{ElementRef, Html, Selector};

/// A form as the page draws it.
#[derive(Debug, Clone)]
pub struct Form {
    pub method: String,
    pub action: String,
    pub multipart: bool,
    pub fields: Vec<(String, String)>,
    /// Each submit button's name and value (`None` for one without a name).
    pub buttons: Vec<Option<(String, String)>>,
}

pub fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

/// What a browser would send for a field: its value, or something typed
/// where a required field is empty.
fn field_value(input: &ElementRef) -> Option<String> {
    let el = input.value();
    let kind = el.attr("type").unwrap_or("text");
    let value = el.attr("value").unwrap_or("").to_string();
    match kind {
        "submit" | "button" | "image" | "reset" | "file" => None,
        "checkbox" | "radio" => el
            .attr("checked")
            .map(|_| if value.is_empty() { "on".into() } else { value }),
        "number" if value.is_empty() => Some(el.attr("min").unwrap_or("1").to_string()),
        "password" if value.is_empty() => Some("a walk test password".into()),
        _ if value.is_empty() && el.attr("required").is_some() => Some("Walk".into()),
        _ => Some(value),
    }
}

/// Every form on a page, with the page's own fields.
pub fn forms(page_path: &str, html: &Html) -> Vec<Form> {
    let mut found = Vec::new();
    for form in html.select(&selector("form")) {
        let el = form.value();
        let mut fields = Vec::new();
        for input in form.select(&selector("input[name]")) {
            if let Some(value) = field_value(&input) {
                fields.push((input.value().attr("name").unwrap().to_string(), value));
            }
        }
        for area in form.select(&selector("textarea[name]")) {
            let mut text: String = area.text().collect();
            if text.is_empty() && area.value().attr("required").is_some() {
                text = "Walk".into();
            }
            fields.push((area.value().attr("name").unwrap().to_string(), text));
        }
        for select in form.select(&selector("select[name]")) {
            let options: Vec<ElementRef> = select.select(&selector("option")).collect();
            let chosen = options
                .iter()
                .find(|o| o.value().attr("selected").is_some())
                .or(options.first());
            if let Some(option) = chosen {
                let value = option
                    .value()
                    .attr("value")
                    .map(str::to_string)
                    .unwrap_or_else(|| option.text().collect());
                fields.push((select.value().attr("name").unwrap().to_string(), value));
            }
        }
        let mut buttons: Vec<Option<(String, String)>> = form
            .select(&selector("button, input[type=submit]"))
            .filter(|b| b.value().attr("type").unwrap_or("submit") == "submit")
            .map(|b| {
                b.value().attr("name").map(|name| {
                    (
                        name.to_string(),
                        b.value().attr("value").unwrap_or("").to_string(),
                    )
                })
            })
            .collect();
        if buttons.is_empty() {
            buttons.push(None);
        }
        found.push(Form {
            method: el.attr("method").unwrap_or("get").to_ascii_lowercase(),
            action: el
                .attr("action")
                .map(str::to_string)
                .unwrap_or_else(|| page_path.to_string()),
            multipart: el.attr("enctype") == Some("multipart/form-data"),
            fields,
            buttons,
        });
    }
    found
}

/// Links to this site on a page, without their fragments.
pub fn links(html: &Html) -> Vec<String> {
    html.select(&selector("a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| href.split('#').next().unwrap().to_string())
        .filter(|href| !href.is_empty())
        .collect()
}

impl Form {
    /// Types `value` into the field `name`, as a person fills in a box.
    pub fn set(&mut self, name: &str, value: &str) {
        self.fields.retain(|(field, _)| field != name);
        self.fields.push((name.to_string(), value.to_string()));
    }

    /// The request a browser makes when this form is sent with `button`
    /// (a `GET` form's fields go in the query).
    pub fn request(
        &self,
        browser: &reqwest::Client,
        address: &str,
        button: Option<&(String, String)>,
    ) -> reqwest::RequestBuilder {
        let mut fields = self.fields.clone();
        fields.extend(button.cloned());
        let url = format!("{address}{}", self.action);
        if self.method != "post" {
            return browser
                .get(&url)
                .header("accept", "text/html")
                .query(&fields);
        }
        let request = browser.post(&url).header("accept", "text/html");
        if !self.multipart {
            return request.form(&fields);
        }
        let mut parts = reqwest::multipart::Form::new();
        for (name, value) in fields {
            parts = parts.text(name, value);
        }
        request.multipart(parts)
    }
}

/// The form with this action on a page.
pub fn form_to(page_path: &str, html: &str, action: &str) -> Option<Form> {
    forms(page_path, &Html::parse_document(html))
        .into_iter()
        .find(|form| form.action == action)
}
