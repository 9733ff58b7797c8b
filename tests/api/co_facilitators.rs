//! Gatherings belong to accounts and are shared with co-facilitators: what
//! each facilitator sees in their list, sharing and unsharing from the
//! editor, and two people leading one gathering from two consoles at once.

use super::helpers::{Client, TestApp, on_postgres, spawn_app, spawn_app_in};
use serde_json::json;
use std::time::Duration;

/// Ana signs in and makes a gathering of her own through the page; returns
/// its code.
async fn anas_gathering(app: &TestApp, title: &str) -> String {
    let (browser, _) = app.sign_in("Ana").await;
    let csrf = app.csrf(&browser).await;
    let response = app
        .post_form(
            &browser,
            "/console/gatherings",
            &[("csrf", &csrf), ("title", title), ("time_zone", "")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    // "/console/{code}/edit"
    location.split('/').nth(2).unwrap().to_string()
}

/// The codes listed on a facilitator's console page.
async fn listed(app: &TestApp, browser: &reqwest::Client) -> String {
    app.get_text(browser, "/console").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_facilitator_lists_their_own_and_shared_gatherings_and_the_owner_lists_all() {
    let app = spawn_app().await;
    app.make_account("Ana").await;
    app.make_account("Ben").await;
    let code = anas_gathering(&app, "Tuesday prayer").await;
    let (ana, _) = app.sign_in("Ana").await;
    let (ben, _) = app.sign_in("Ben").await;
    let (owner, _) = app.facilitator().await;

    assert!(listed(&app, &ana).await.contains(&code));
    // The demo gathering is the server owner's, not Ana's.
    assert!(!listed(&app, &ana).await.contains(&app.code));
    assert!(!listed(&app, &ben).await.contains(&code));
    let all = listed(&app, &owner).await;
    assert!(all.contains(&code) && all.contains(&app.code), "{all}");
    assert!(all.contains("Belongs to Ana"), "{all}");

    // Ana shares it with Ben, typing his name in another case.
    let csrf = app.csrf(&ana).await;
    let response = app
        .post_form(
            &ana,
            &format!("/console/{code}/co-facilitators"),
            &[("csrf", &csrf), ("name", "ben")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let editor = app.get_text(&ana, &format!("/console/{code}/edit")).await;
    assert!(
        editor.contains("Ben can now lead this gathering."),
        "{editor}"
    );
    assert!(editor.contains("class=\"leader-name\">Ben<"), "{editor}");
    let bens = listed(&app, &ben).await;
    assert!(bens.contains(&code), "{bens}");
    assert!(
        bens.contains("Shared by Ana"),
        "the list says whose it is: {bens}"
    );
    // Ben leads it, but does not see the forms that share it further.
    let bens_editor = app.get_text(&ben, &format!("/console/{code}/edit")).await;
    assert!(bens_editor.contains("Owner: Ana"), "{bens_editor}");
    assert!(!bens_editor.contains("co-facilitators\""), "{bens_editor}");

    // A name that is no account is refused with the reason.
    let refused = app
        .post_form(
            &ana,
            &format!("/console/{code}/co-facilitators"),
            &[("csrf", &csrf), ("name", "Nobody")],
        )
        .await;
    assert_eq!(refused.status(), 400);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("There is no account called")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_a_co_facilitator_closes_their_console_and_keeps_them_out() {
    let app = spawn_app().await;
    app.make_account("Ana").await;
    let ben_id = app.make_account("Ben").await.id;
    let code = anas_gathering(&app, "Night of prayer").await;
    let gathering = app
        .store
        .find_gathering(&intercede::domain::JoinCode::parse(&code).unwrap())
        .await
        .unwrap()
        .unwrap();
    app.store
        .add_co_facilitator(gathering.id, ben_id)
        .await
        .unwrap();
    let (ben, ben_cookie) = app.sign_in("Ben").await;
    let mut bens_console = app.console_of(&code, &ben_cookie).await.unwrap();
    let (ana, _) = app.sign_in("Ana").await;
    let csrf = app.csrf(&ana).await;
    let response = app
        .post_form(
            &ana,
            &format!("/console/{code}/co-facilitators/{ben_id}/remove"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let closed = tokio::time::timeout(Duration::from_secs(5), bens_console.closed())
        .await
        .expect("Ben's console closes at once");
    assert!(closed.is_some(), "closed by the server");
    let again = app.console_of(&code, &ben_cookie).await.err().unwrap();
    assert_eq!(again.0, Some(403), "and cannot reconnect");
    let page = ben
        .get(format!("{}/console/{code}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 403);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("belongs to another facilitator")
    );
    // He is still signed in: only this gathering is closed to him.
    let list = ben
        .get(format!("{}/console", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), 200);
    assert!(!list.text().await.unwrap().contains(&code));
}

/// Ana on the laptop and Ben on a phone at the front: every command from
/// one shows on the other's console at once, in both directions.
async fn two_consoles_lead_together(ana_app: &TestApp, ben_app: &TestApp) {
    let ben_id = ana_app.make_account("Ben").await.id;
    let gathering = ana_app.gathering().await;
    ana_app
        .store
        .add_co_facilitator(gathering.id, ben_id)
        .await
        .unwrap();
    let topics = ana_app.topic_ids().await;
    let (_, owner_cookie) = ana_app.facilitator().await;
    let mut laptop = ana_app
        .console_of(&ana_app.code, &owner_cookie)
        .await
        .unwrap();
    let (_, ben_cookie) = ben_app.sign_in("Ben").await;
    let mut phone = ben_app
        .console_of(&ben_app.code, &ben_cookie)
        .await
        .unwrap();
    let steps = [
        (true, json!({"type": "next"}), Some(topics[0])),
        (false, json!({"type": "next"}), Some(topics[1])),
        (
            true,
            json!({"type": "jump", "topic": topics[3]}),
            Some(topics[3]),
        ),
        (false, json!({"type": "previous"}), Some(topics[2])),
        (false, json!({"type": "end"}), None),
        (true, json!({"type": "reopen"}), Some(topics[2])),
    ];
    for (from_laptop, command, topic) in steps {
        let (sender, other): (&mut Client, &mut Client) = if from_laptop {
            (&mut laptop, &mut phone)
        } else {
            (&mut phone, &mut laptop)
        };
        sender.send(command.clone()).await;
        for (who, console) in [("sender", sender), ("other console", other)] {
            let state = console.next_of("state").await;
            match topic {
                Some(id) => {
                    assert_eq!(state["live"]["topic"]["id"], id, "{who} after {command}");
                    assert_eq!(state["live"]["phase"], "topic", "{who} after {command}");
                }
                None => assert_eq!(state["live"]["phase"], "ended", "{who} after {command}"),
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_co_facilitators_on_two_consoles_see_each_others_commands_at_once() {
    let app = spawn_app().await;
    two_consoles_lead_together(&app, &app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_co_facilitators_on_two_instances_lead_one_gathering_together() {
    if !on_postgres() {
        eprintln!("PostgreSQL only, not run on SQLite: several instances on one database");
        return;
    }
    let a = spawn_app().await;
    let b = spawn_app_in(a.dir.clone(), |_| {}).await;
    two_consoles_lead_together(&a, &b).await;
}
