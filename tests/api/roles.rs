//! Who may do what: every role against every route of one gathering, and
//! every live message against every kind of socket. Each cell is checked
//! against what the server answers, and a refusal must be the server's
//! refusal of that role (its message), not some other error.

use super::helpers::{Client, OWNER, TestApp, spawn_app};
use intercede::domain::prayer_request::{Audience, NewRequest};
use intercede::store::Gathering;
use serde_json::json;

/// What a role should get from a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Passes the role check (whatever the action then says of the form).
    Allow,
    /// Sent to sign in (a page) or 401 (an action).
    SignIn,
    /// 403: another facilitator's gathering.
    NotTheirs,
    /// 403: only the gathering's owner may do this.
    OwnerOnly,
    /// 403: only the server's owner manages accounts.
    ServerOwnerOnly,
    /// Any other refusal (a wrong CSRF token, a missing page): never expected,
    /// so a cell that fails for another reason than its role shows up.
    Other,
}

/// The people of the table. Each gets a gathering of its own (owned by Ana,
/// shared with Ben and Dee), so what one does never changes another's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Anonymous,
    /// A phone that joined the gathering (it has a device cookie, no session).
    Attendee,
    /// A browser that opened a moderator link of the gathering.
    Moderator,
    /// The server's owner, who owns no gathering here.
    ServerOwner,
    /// Ana made the gathering.
    GatheringOwner,
    /// Ben co-facilitates it.
    CoFacilitator,
    /// Cy is another facilitator.
    OtherFacilitator,
    /// Dee co-facilitated it; her account was then disabled.
    Disabled,
}

const ROLES: [Role; 8] = [
    Role::Anonymous,
    Role::Attendee,
    Role::Moderator,
    Role::ServerOwner,
    Role::GatheringOwner,
    Role::CoFacilitator,
    Role::OtherFacilitator,
    Role::Disabled,
];

impl Role {
    /// What this role gets from a route that leading allows, and from one
    /// only the gathering's owner may use.
    fn expect(self, owner_only: bool) -> Expect {
        match self {
            Role::Anonymous | Role::Attendee | Role::Moderator | Role::Disabled => Expect::SignIn,
            Role::ServerOwner | Role::GatheringOwner => Expect::Allow,
            Role::CoFacilitator if owner_only => Expect::OwnerOnly,
            Role::CoFacilitator => Expect::Allow,
            Role::OtherFacilitator => Expect::NotTheirs,
        }
    }
}

/// One route of a gathering: method, path (`{code}`, `{section}`, `{topic}`,
/// `{request}`, `{link}`, `{ben}` are filled in), form, and whether only the
/// gathering's owner may use it. Listed in an order that works for one
/// gathering: the translation is added before it is edited, deleting is last.
/// Method, path, form fields, and whether only the gathering's owner may use it.
type Route = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    bool,
);

const ROUTES: &[Route] = &[
    ("GET", "/console/{code}", &[], false),
    ("GET", "/console/{code}/edit", &[], false),
    ("GET", "/console/{code}/report", &[], false),
    ("GET", "/console/{code}/report.csv", &[], false),
    ("GET", "/console/{code}/report.json", &[], false),
    ("GET", "/console/{code}/export.md", &[], false),
    ("GET", "/console/{code}/export.json", &[], false),
    ("GET", "/console/{code}/topics/new", &[], false),
    ("GET", "/console/{code}/topics/{topic}", &[], false),
    ("GET", "/console/{code}/requests", &[], false),
    ("GET", "/console/{code}/requests.csv", &[], false),
    ("GET", "/console/{code}/requests.json", &[], false),
    ("GET", "/console/{code}/import-translation", &[], false),
    (
        "POST",
        "/console/{code}/settings",
        &[
            ("title", "Renamed by the test"),
            ("scripture_text", ""),
            ("scripture_ref", ""),
            ("closing_message", ""),
            ("introduction", ""),
            ("time_zone", "Europe/London"),
        ],
        false,
    ),
    (
        "POST",
        "/console/{code}/time-zone",
        &[("time_zone", "Africa/Nairobi")],
        false,
    ),
    (
        "POST",
        "/console/{code}/sections",
        &[("title", "Added")],
        false,
    ),
    (
        "POST",
        "/console/{code}/sections/{section}/move",
        &[("direction", "down")],
        false,
    ),
    (
        "POST",
        "/console/{code}/topics",
        &[
            ("section", "{section}"),
            ("title", "A new topic"),
            ("body", "Words."),
            ("kind", "pray"),
            ("planned_minutes", "3"),
        ],
        false,
    ),
    (
        "POST",
        "/console/{code}/topics/{topic}",
        &[
            ("section", "{section}"),
            ("title", "An edited topic"),
            ("body", "Words."),
            ("kind", "pray"),
            ("planned_minutes", "4"),
        ],
        false,
    ),
    (
        "POST",
        "/console/{code}/topics/{topic}/move",
        &[("direction", "down")],
        false,
    ),
    (
        "POST",
        "/console/{code}/language",
        &[("language", "en")],
        false,
    ),
    (
        "POST",
        "/console/{code}/translations",
        &[("language", "es")],
        false,
    ),
    ("GET", "/console/{code}/translations/es", &[], false),
    (
        "POST",
        "/console/{code}/translations/es",
        &[("title", "Encuentro")],
        false,
    ),
    (
        "POST",
        "/console/{code}/projector-languages",
        &[("languages", "en")],
        false,
    ),
    ("POST", "/console/{code}/translations/es/remove", &[], false),
    (
        "POST",
        "/console/{code}/request-settings",
        &[("retention_days", "7")],
        false,
    ),
    (
        "POST",
        "/console/{code}/requests/{request}",
        &[("action", "approve")],
        false,
    ),
    (
        "POST",
        "/console/{code}/moderators",
        &[("label", "Welcome team")],
        false,
    ),
    (
        "POST",
        "/console/{code}/moderators/{link}/revoke",
        &[],
        false,
    ),
    ("POST", "/console/{code}/duplicate", &[], false),
    (
        "POST",
        "/console/{code}/co-facilitators",
        &[("name", "Cy")],
        true,
    ),
    (
        "POST",
        "/console/{code}/co-facilitators/{ben}/remove",
        &[],
        true,
    ),
    ("GET", "/console/{code}/delete", &[], true),
    ("POST", "/console/{code}/topics/{topic}/delete", &[], false),
    (
        "POST",
        "/console/{code}/sections/{section}/delete",
        &[],
        false,
    ),
    (
        "POST",
        "/console/{code}/delete",
        &[("confirm", "{code}")],
        true,
    ),
];

/// One role's way in: its cookie and the CSRF token its pages carry.
struct Visitor {
    cookie: Option<String>,
    csrf: String,
}

/// The ids a route's path and form are filled in with.
struct Fixture {
    gathering: Gathering,
    section: i64,
    topic: i64,
    request: i64,
    link: i64,
    ben: i64,
}

struct People {
    ana: i64,
    ben: i64,
    dee: i64,
}

async fn people(app: &TestApp) -> People {
    let ana = app.make_account("Ana").await.id;
    let ben = app.make_account("Ben").await.id;
    app.make_account("Cy").await;
    let dee = app.make_account("Dee").await.id;
    People { ana, ben, dee }
}

/// A copy of the demo gathering owned by Ana, shared with Ben and Dee, with
/// a prayer request and a moderator link.
async fn fixture(app: &TestApp, people: &People) -> Fixture {
    let gathering = app
        .store
        .duplicate_gathering(&app.gathering().await)
        .await
        .unwrap();
    let store = &app.store;
    store
        .set_gathering_owner(gathering.id, Some(people.ana))
        .await
        .unwrap();
    store
        .add_co_facilitator(gathering.id, people.ben)
        .await
        .unwrap();
    store
        .add_co_facilitator(gathering.id, people.dee)
        .await
        .unwrap();
    let agenda = store.load_agenda(&gathering).await.unwrap();
    let section = &agenda.sections[0];
    let request = NewRequest::new("Pray for the new school term", "", Audience::Everyone).unwrap();
    let (request, _) = store
        .insert_request(gathering.id, "a-phone", "op-1", &request)
        .await
        .unwrap();
    let link = store
        .insert_moderator_link(
            gathering.id,
            &format!("the hash of {}'s link", gathering.code),
            "Door team",
            None,
        )
        .await
        .unwrap();
    Fixture {
        section: section.id,
        topic: section.topics[0].id,
        gathering,
        request,
        link,
        ben: people.ben,
    }
}

fn fill(text: &str, fixture: &Fixture) -> String {
    text.replace("{code}", &fixture.gathering.code)
        .replace("{section}", &fixture.section.to_string())
        .replace("{topic}", &fixture.topic.to_string())
        .replace("{request}", &fixture.request.to_string())
        .replace("{link}", &fixture.link.to_string())
        .replace("{ben}", &fixture.ben.to_string())
}

async fn visitor(app: &TestApp, role: Role, fixture: &Fixture) -> Visitor {
    let signed_in = |name: &'static str| async move {
        let (browser, cookie) = app.sign_in(name).await;
        let csrf = app.csrf(&browser).await;
        Visitor {
            cookie: Some(cookie),
            csrf,
        }
    };
    match role {
        Role::Anonymous => Visitor {
            cookie: None,
            csrf: String::new(),
        },
        Role::Attendee => {
            let device = app.new_device().await;
            Visitor {
                cookie: Some(format!("intercede_device={device}")),
                csrf: String::new(),
            }
        }
        Role::Moderator => Visitor {
            // A moderator link needs no account and brings no session: to
            // the console it is any visitor.
            cookie: Some(format!("intercede_device={}", app.new_device().await)),
            csrf: String::new(),
        },
        Role::ServerOwner => signed_in(OWNER).await,
        Role::GatheringOwner => signed_in("Ana").await,
        Role::CoFacilitator => signed_in("Ben").await,
        Role::OtherFacilitator => signed_in("Cy").await,
        Role::Disabled => {
            // Signed in (with her page's CSRF token), then disabled.
            let dee = signed_in("Dee").await;
            let id = app.store.account_named("Dee").await.unwrap().unwrap();
            let ended = app.store.disable_account(id.account.id).await.unwrap();
            assert!(ended.is_some_and(|ended| !ended.sessions.is_empty()));
            let _ = fixture;
            dee
        }
    }
}

/// What the server answered, as one of the [`Expect`] cells.
async fn observe(response: reqwest::Response) -> (Expect, u16, String) {
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = response.text().await.unwrap_or_default();
    let seen = match status {
        401 => Expect::SignIn,
        303 if location.starts_with("/login") => Expect::SignIn,
        403 if body.contains("belongs to another facilitator") => Expect::NotTheirs,
        403 if body.contains("Only the gathering") => Expect::OwnerOnly,
        403 if body.contains("Only the server") => Expect::ServerOwnerOnly,
        403 | 404 => Expect::Other,
        _ => Expect::Allow,
    };
    (seen, status, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_against_every_route_of_a_gathering() {
    let app = spawn_app().await;
    let people = people(&app).await;
    let mut failures = Vec::new();
    for role in ROLES {
        let fixture = fixture(&app, &people).await;
        let visitor = visitor(&app, role, &fixture).await;
        for (method, path, form, owner_only) in ROUTES {
            let path = fill(path, &fixture);
            let url = format!("{}{path}", app.address);
            let mut request = match *method {
                "GET" => app.browser().get(&url),
                _ => {
                    let mut fields: Vec<(String, String)> = form
                        .iter()
                        .map(|(k, v)| (k.to_string(), fill(v, &fixture)))
                        .collect();
                    fields.push(("csrf".into(), visitor.csrf.clone()));
                    app.browser().post(&url).form(&fields)
                }
            };
            if let Some(cookie) = &visitor.cookie {
                request = request.header("Cookie", cookie);
            }
            let (seen, status, body) = observe(request.send().await.unwrap()).await;
            let expected = role.expect(*owner_only);
            if seen != expected {
                failures.push(format!(
                    "{role:?} {method} {path}: expected {expected:?}, got {seen:?} ({status}) {}",
                    body.chars().take(160).collect::<String>()
                ));
            } else if expected == Expect::Allow && status >= 500 {
                failures.push(format!("{role:?} {method} {path}: server error {status}"));
            }
        }
        let code = intercede::domain::JoinCode::parse(&fixture.gathering.code).unwrap();
        let after = app.store.find_gathering(&code).await.unwrap();
        match role {
            // Deleting was their last step.
            Role::ServerOwner | Role::GatheringOwner => {
                assert!(after.is_none(), "{role:?} deleted the gathering")
            }
            // Edited it, could not delete it.
            Role::CoFacilitator => assert!(after.is_some(), "{role:?} could delete"),
            _ => assert_eq!(
                after.map(|g| g.title),
                Some(fixture.gathering.title.clone()),
                "{role:?} changed or deleted the gathering"
            ),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_socket_opens_only_for_those_who_lead_the_gathering() {
    let app = spawn_app().await;
    let people = people(&app).await;
    let fixture = fixture(&app, &people).await;
    let code = fixture.gathering.code.clone();
    for role in ROLES {
        let visitor = visitor(&app, role, &fixture).await;
        let opened = match &visitor.cookie {
            Some(cookie) => app.console_of(&code, cookie).await,
            None => {
                Client::connect(
                    &format!("ws://{}/ws/console/{code}", app.host),
                    Some(&app.origin()),
                    None,
                )
                .await
            }
        };
        let seen = match opened {
            Ok(_) => Expect::Allow,
            Err(refused) if refused.0 == Some(401) => Expect::SignIn,
            Err(refused) if refused.0 == Some(403) => Expect::NotTheirs,
            Err(refused) => panic!("{role:?}: refused with {:?}", refused.0),
        };
        assert_eq!(
            seen,
            role.expect(false),
            "{role:?} opening the console socket"
        );
    }
}

/// Every command a console sends, each one changing something: the first
/// run from a gathering that has not started, the second from where the
/// first leaves it. `topics` are the agenda's first three topics.
fn commands(topics: [i64; 3], second: bool) -> Vec<serde_json::Value> {
    if !second {
        vec![
            json!({"type": "next"}),
            json!({"type": "next"}),
            json!({"type": "previous"}),
            json!({"type": "jump", "topic": topics[2]}),
            json!({"type": "blank", "on": true}),
            // The join panel is on at first.
            json!({"type": "join_panel", "on": false}),
            json!({"type": "show_requests", "on": true}),
            json!({"type": "end"}),
            json!({"type": "reopen"}),
        ]
    } else {
        vec![
            json!({"type": "blank", "on": false}),
            json!({"type": "join_panel", "on": true}),
            json!({"type": "show_requests", "on": false}),
            json!({"type": "previous"}),
            json!({"type": "next"}),
            json!({"type": "jump", "topic": topics[0]}),
            json!({"type": "end"}),
            json!({"type": "reopen"}),
        ]
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_consoles_of_those_who_lead_may_send_commands() {
    let app = spawn_app().await;
    let people = people(&app).await;
    let fixture = fixture(&app, &people).await;
    let code = fixture.gathering.code.clone();
    let origin = app.origin();
    let url = |role: &str| format!("ws://{}/ws/{role}/{code}", app.host);
    // The sockets that must never control the gathering: a phone, the
    // projector, and a moderator link Ana made.
    let mut phone = Client::connect(&url("attend"), Some(&origin), None)
        .await
        .unwrap();
    let mut projector = Client::connect(&url("projector"), Some(&origin), None)
        .await
        .unwrap();
    let (ana_browser, _) = app.sign_in("Ana").await;
    let (_, link) = super::moderation::make_link_for(&app, &ana_browser, &code, "Door team").await;
    let moderate = format!("ws://{}/ws/moderate/{link}", app.host);
    let mut moderator = Client::connect(&moderate, Some(&origin), None)
        .await
        .unwrap();
    let ids = app.store.load_agenda(&fixture.gathering).await.unwrap();
    let ids: Vec<i64> = ids
        .sections
        .iter()
        .flat_map(|s| s.topics.iter().map(|t| t.id))
        .collect();
    let topics = [ids[0], ids[1], ids[2]];
    for message in commands(topics, false)
        .into_iter()
        .chain(commands(topics, true))
    {
        for (name, socket) in [
            ("phone", &mut phone),
            ("projector", &mut projector),
            ("moderator", &mut moderator),
        ] {
            socket.send(message.clone()).await;
            let error = socket.next_of("error").await;
            assert_eq!(error["code"], "forbidden", "{name} sending {message}");
        }
    }
    // The gathering never moved.
    let (_, ana_cookie) = app.sign_in("Ana").await;
    let mut ana = app.console_of(&code, &ana_cookie).await.unwrap();
    assert_eq!(ana.snapshot["live"]["phase"], "waiting", "{}", ana.snapshot);
    // Both who lead it may send every command; each one is applied.
    let (_, ben_cookie) = app.sign_in("Ben").await;
    let mut ben = app.console_of(&code, &ben_cookie).await.unwrap();
    for (second, who, console) in [(false, "Ana", &mut ana), (true, "Ben", &mut ben)] {
        for message in commands(topics, second) {
            console.send(message.clone()).await;
            let answer = console
                .next_matching(|m| m["type"] == "state" || m["type"] == "error")
                .await;
            assert_ne!(answer["type"], "error", "{who} sending {message}: {answer}");
        }
    }
    // Ana's console saw Ben's commands as they came: his jump back to the
    // first topic, his End and his Reopen.
    let jumped = ana
        .next_matching(|m| m["type"] == "state" && m["live"]["topic"]["id"] == topics[0])
        .await;
    assert_eq!(jumped["live"]["blank"], false, "{jumped}");
    ana.next_matching(|m| m["type"] == "state" && m["live"]["phase"] == "ended")
        .await;
    let reopened = ana
        .next_matching(|m| m["type"] == "state" && m["live"]["phase"] == "topic")
        .await;
    assert_eq!(reopened["live"]["topic"]["id"], topics[0], "{reopened}");
    // A signed-in facilitator of another gathering gets no socket at all.
    let (_, cy_cookie) = app.sign_in("Cy").await;
    let refused = app.console_of(&code, &cy_cookie).await.err().unwrap();
    assert_eq!(refused.0, Some(403));
}

/// The routes of accounts, which only the server's owner may use (`{cy}` is
/// filled in with Cy's account id). Disabling is last.
const ACCOUNT_ROUTES: &[(&str, &str)] = &[
    ("GET", "/console/accounts"),
    ("POST", "/console/accounts/invite"),
    ("POST", "/console/accounts/{cy}/reset"),
    ("POST", "/console/accounts/{cy}/enable"),
    ("POST", "/console/accounts/{cy}/disable"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_servers_owner_manages_accounts() {
    let app = spawn_app().await;
    let people = people(&app).await;
    let fixture = fixture(&app, &people).await;
    let cy = app.store.account_named("Cy").await.unwrap().unwrap();
    let mut failures = Vec::new();
    // The owner last: it disables Cy.
    let roles = [
        Role::Anonymous,
        Role::Attendee,
        Role::Moderator,
        Role::GatheringOwner,
        Role::CoFacilitator,
        Role::Disabled,
        Role::OtherFacilitator,
        Role::ServerOwner,
    ];
    for role in roles {
        let visitor = visitor(&app, role, &fixture).await;
        for (method, path) in ACCOUNT_ROUTES {
            let path = path.replace("{cy}", &cy.account.id.to_string());
            let url = format!("{}{path}", app.address);
            let mut request = match *method {
                "GET" => app.browser().get(&url),
                _ => app.browser().post(&url).form(&[("csrf", &visitor.csrf)]),
            };
            if let Some(cookie) = &visitor.cookie {
                request = request.header("Cookie", cookie);
            }
            let (seen, status, _) = observe(request.send().await.unwrap()).await;
            let expected = match role {
                Role::ServerOwner => Expect::Allow,
                Role::GatheringOwner | Role::CoFacilitator | Role::OtherFacilitator => {
                    Expect::ServerOwnerOnly
                }
                _ => Expect::SignIn,
            };
            if seen != expected || (expected == Expect::Allow && status >= 400) {
                failures.push(format!(
                    "{role:?} {method} {path}: expected {expected:?}, got {seen:?} ({status})"
                ));
            }
        }
        // Until the owner's turn, Cy stays enabled.
        let cy_now = app.store.account_named("Cy").await.unwrap().unwrap();
        assert_eq!(
            cy_now.disabled,
            role == Role::ServerOwner,
            "after {role:?}'s requests"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
