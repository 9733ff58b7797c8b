//! Prayer requests as stored, on each engine: a request sent twice is one
//! request, moderation stays inside its gathering, prayers count once per
//! phone and only for what the room may see, the retention deletes words but
//! keeps counts, and a revoked moderator link opens nothing.

use super::helpers::{open_test_store, spawn_app};
use intercede::domain::demo::demo_agenda;
use intercede::domain::prayer_request::{Audience, NewRequest, RequestStatus};
use intercede::store::{Moderation, RequestFigures, Store};

fn request(body: &str, audience: Audience) -> NewRequest {
    NewRequest::new(body, "Ana", audience).unwrap()
}

async fn store_with_gatherings() -> (tempfile::TempDir, Store, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let store = open_test_store(dir.path()).await;
    let first = store.create_gathering(&demo_agenda()).await.unwrap().id;
    let second = store.create_gathering(&demo_agenda()).await.unwrap().id;
    (dir, store, first, second)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_sent_again_after_a_lost_connection_is_stored_once() {
    let (_dir, store, gathering, _) = store_with_gatherings().await;
    let sent = request("Pray for my mother in hospital", Audience::Everyone);

    let (first, new) = store
        .insert_request(gathering, "phone-a", "op-1", &sent)
        .await
        .unwrap();
    assert!(new);
    let (again, new_again) = store
        .insert_request(gathering, "phone-a", "op-1", &sent)
        .await
        .unwrap();
    assert_eq!((again, new_again), (first, false));
    // Another phone may use the same id: a different request.
    let (other, _) = store
        .insert_request(gathering, "phone-b", "op-1", &sent)
        .await
        .unwrap();
    assert_ne!(other, first);

    let stored = store.requests(gathering).await.unwrap();
    assert_eq!(stored.len(), 2);
    assert_eq!(
        stored[0].body.as_deref(),
        Some("Pray for my mother in hospital")
    );
    assert_eq!(stored[0].first_name.as_deref(), Some("Ana"));
    assert_eq!(stored[0].status, RequestStatus::New);
    assert_eq!(stored[0].audience, Audience::Everyone);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderation_changes_only_its_own_gatherings_requests() {
    let (_dir, store, gathering, other_gathering) = store_with_gatherings().await;
    let (id, _) = store
        .insert_request(
            gathering,
            "phone-a",
            "op-1",
            &request("Court date Tuesday, Joe Smith", Audience::Everyone),
        )
        .await
        .unwrap();

    // The other gathering's moderators cannot touch it.
    assert!(
        !store
            .moderate_request(other_gathering, id, &Moderation::Approve)
            .await
            .unwrap()
    );
    assert_eq!(
        store.requests(gathering).await.unwrap()[0].status,
        RequestStatus::New
    );

    let edit = Moderation::Edit {
        body: "Court date Tuesday, Joe".into(),
        first_name: "Ana".into(),
    };
    for step in [edit, Moderation::Approve, Moderation::PrayedFor(true)] {
        assert!(store.moderate_request(gathering, id, &step).await.unwrap());
    }
    let stored = &store.requests(gathering).await.unwrap()[0];
    assert_eq!(stored.body.as_deref(), Some("Court date Tuesday, Joe"));
    assert!(stored.edited && stored.prayed_for);
    assert_eq!(stored.status, RequestStatus::Approved);

    assert!(
        store
            .moderate_request(gathering, id, &Moderation::Hide)
            .await
            .unwrap()
    );
    assert_eq!(
        store.requests(gathering).await.unwrap()[0].status,
        RequestStatus::Hidden
    );
    assert!(
        store
            .moderate_request(gathering, id, &Moderation::Requeue)
            .await
            .unwrap()
    );
    assert_eq!(
        store.requests(gathering).await.unwrap()[0].status,
        RequestStatus::New
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn phones_pray_once_each_and_only_for_approved_requests_meant_for_everyone() {
    let (_dir, store, gathering, other_gathering) = store_with_gatherings().await;
    let (public, _) = store
        .insert_request(
            gathering,
            "phone-a",
            "op-1",
            &request("Rain for the harvest", Audience::Everyone),
        )
        .await
        .unwrap();
    let (team, _) = store
        .insert_request(
            gathering,
            "phone-a",
            "op-2",
            &request("My brother's addiction", Audience::Team),
        )
        .await
        .unwrap();

    // Not approved yet: nothing to pray for from a phone.
    assert_eq!(
        store
            .pray_for_request(gathering, public, "phone-b", "p-1")
            .await
            .unwrap(),
        None
    );
    for id in [public, team] {
        store
            .moderate_request(gathering, id, &Moderation::Approve)
            .await
            .unwrap();
    }
    // Team-only requests are never the room's, approved or not.
    assert_eq!(
        store
            .pray_for_request(gathering, team, "phone-b", "p-2")
            .await
            .unwrap(),
        None
    );
    // Through another gathering's room: not found.
    assert_eq!(
        store
            .pray_for_request(other_gathering, public, "phone-b", "p-3")
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .pray_for_request(gathering, public, "phone-b", "p-4")
            .await
            .unwrap(),
        Some(true)
    );
    assert_eq!(
        store
            .pray_for_request(gathering, public, "phone-b", "p-5")
            .await
            .unwrap(),
        Some(false),
        "a second prayer from the same phone is not counted"
    );
    assert_eq!(
        store
            .pray_for_request(gathering, public, "phone-c", "p-6")
            .await
            .unwrap(),
        Some(true)
    );

    let stored = store.requests(gathering).await.unwrap();
    assert_eq!((stored[0].praying, stored[1].praying), (2, 0));
    assert_eq!(
        store
            .requests_prayed_by(gathering, "phone-b")
            .await
            .unwrap(),
        vec![public]
    );
    store
        .moderate_request(gathering, public, &Moderation::PrayedFor(true))
        .await
        .unwrap();
    assert_eq!(
        store.request_figures(gathering).await.unwrap(),
        RequestFigures {
            received: 2,
            approved: 2,
            hidden: 0,
            team_only: 1,
            prayed_for: 1,
            prayers: 2,
        }
    );
    assert_eq!(
        store.request_figures(other_gathering).await.unwrap(),
        RequestFigures::default()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_retention_deletes_the_words_and_keeps_the_counts() {
    let (_dir, store, gathering, other_gathering) = store_with_gatherings().await;
    assert_eq!(
        store.request_settings(gathering).await.unwrap(),
        (30, false)
    );
    store
        .set_request_settings(other_gathering, 1, true)
        .await
        .unwrap();
    assert_eq!(
        store.request_settings(other_gathering).await.unwrap(),
        (1, true)
    );
    for g in [gathering, other_gathering] {
        let (id, _) = store
            .insert_request(
                g,
                "phone-a",
                "op-1",
                &request("Safe travel home", Audience::Everyone),
            )
            .await
            .unwrap();
        store
            .moderate_request(g, id, &Moderation::Approve)
            .await
            .unwrap();
        store
            .pray_for_request(g, id, "phone-b", "p-1")
            .await
            .unwrap();
    }
    let day = 24 * 60 * 60 * 1000;
    let now = intercede::store::now_ms();

    // Two days on: only the gathering that keeps words one day loses them.
    assert_eq!(
        store.forget_old_request_words(now + 2 * day).await.unwrap(),
        1
    );
    let kept = &store.requests(gathering).await.unwrap()[0];
    assert_eq!(kept.body.as_deref(), Some("Safe travel home"));
    let forgotten = &store.requests(other_gathering).await.unwrap()[0];
    assert_eq!(
        (forgotten.body.as_deref(), forgotten.first_name.as_deref()),
        (None, None)
    );
    assert_eq!(forgotten.praying, 1, "the prayers stay counted");
    assert_eq!(
        store
            .request_figures(other_gathering)
            .await
            .unwrap()
            .received,
        1
    );
    // An edit after the words are gone writes nothing back.
    let edit = Moderation::Edit {
        body: "New words".into(),
        first_name: String::new(),
    };
    assert!(
        !store
            .moderate_request(other_gathering, forgotten.id, &edit)
            .await
            .unwrap()
    );

    // Thirty-one days on, the default retention has passed too.
    assert_eq!(
        store
            .forget_old_request_words(now + 31 * day)
            .await
            .unwrap(),
        1
    );
    assert_eq!(store.requests(gathering).await.unwrap()[0].body, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_moderator_link_opens_nothing() {
    let (_dir, store, gathering, other_gathering) = store_with_gatherings().await;
    let id = store
        .insert_moderator_link(gathering, "hash-1", "Prayer team", None)
        .await
        .unwrap();
    let link = store.moderator_link("hash-1").await.unwrap().unwrap();
    assert_eq!(
        (link.id, link.gathering_id, link.label.as_str()),
        (id, gathering, "Prayer team")
    );

    // Another gathering cannot revoke it.
    assert_eq!(
        store
            .revoke_moderator_link(other_gathering, id)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .revoke_moderator_link(gathering, id)
            .await
            .unwrap()
            .as_deref(),
        Some("hash-1")
    );
    assert_eq!(store.moderator_link("hash-1").await.unwrap(), None);
    assert_eq!(
        store.revoke_moderator_link(gathering, id).await.unwrap(),
        None
    );
    let listed = store.moderator_links(gathering).await.unwrap();
    assert!(listed.len() == 1 && listed[0].revoked_at.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_a_gathering_deletes_its_requests() {
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    let (id, _) = app
        .store
        .insert_request(
            gathering.id,
            "phone-a",
            "op-1",
            &request("For peace", Audience::Everyone),
        )
        .await
        .unwrap();
    app.store
        .moderate_request(gathering.id, id, &Moderation::Approve)
        .await
        .unwrap();
    app.store
        .pray_for_request(gathering.id, id, "phone-b", "p-1")
        .await
        .unwrap();
    app.store
        .insert_moderator_link(gathering.id, "hash-9", "", None)
        .await
        .unwrap();

    app.store.delete_gathering(gathering.id).await.unwrap();
    assert!(app.store.requests(gathering.id).await.unwrap().is_empty());
    assert_eq!(app.store.moderator_link("hash-9").await.unwrap(), None);
}
