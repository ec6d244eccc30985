//! The one schema for both backends (kept by hand in step with `migrations/`).

diesel::table! {
    app_settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        display_name -> Text,
        password_hash -> Nullable<Text>,
        locale -> Text,
        is_admin -> Bool,
        email_confirmed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    account_tokens (token_hash) {
        token_hash -> Text,
        purpose -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        user_id -> Text,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    editions (id) {
        id -> Text,
        slug -> Text,
        name -> Text,
        starts_on -> Date,
        ends_on -> Date,
        timezone -> Text,
        venue -> Text,
        cfp_opens_at -> Nullable<Timestamp>,
        cfp_closes_at -> Nullable<Timestamp>,
        registration_opens_at -> Nullable<Timestamp>,
        registration_closes_at -> Nullable<Timestamp>,
        archived_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        description_md -> Text,
        description_de_md -> Text,
        format -> Text,
        streams_public -> Bool,
    }
}

diesel::table! {
    edition_roles (edition_id, user_id, role) {
        edition_id -> Text,
        user_id -> Text,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        edition_id -> Text,
        email -> Text,
        role -> Text,
        token_hash -> Text,
        invited_by -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
        accepted_by -> Nullable<Text>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Nullable<Text>,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        inline_png -> Nullable<Binary>,
        claim_token -> Nullable<Text>,
    }
}

diesel::table! {
    cfp_settings (edition_id) {
        edition_id -> Text,
        intro_md -> Text,
        max_proposals_per_speaker -> Integer,
        title_max -> Integer,
        abstract_max -> Integer,
        recording_license -> Text,
        intro_de_md -> Text,
    }
}

diesel::table! {
    session_types (id) {
        id -> Text,
        edition_id -> Text,
        name -> Text,
        duration_minutes -> Integer,
        deadline -> Nullable<Timestamp>,
        hidden -> Bool,
        position -> Integer,
        name_de -> Text,
        slots -> Nullable<Integer>,
    }
}

diesel::table! {
    tracks (id) {
        id -> Text,
        edition_id -> Text,
        name -> Text,
        colour -> Text,
        description -> Text,
        position -> Integer,
        name_de -> Text,
        description_de -> Text,
    }
}

diesel::table! {
    cfp_questions (id) {
        id -> Text,
        edition_id -> Text,
        target -> Text,
        kind -> Text,
        label -> Text,
        help -> Text,
        options -> Text,
        required -> Bool,
        session_type_ids -> Text,
        position -> Integer,
        label_de -> Text,
        help_de -> Text,
        options_de -> Text,
    }
}

diesel::table! {
    cfp_access_codes (id) {
        id -> Text,
        edition_id -> Text,
        code -> Text,
        session_type_id -> Nullable<Text>,
        max_uses -> Integer,
        uses -> Integer,
        valid_until -> Nullable<Timestamp>,
        note -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    speaker_profiles (user_id) {
        user_id -> Text,
        biography_md -> Text,
        company -> Text,
        links -> Text,
        photo -> Nullable<Binary>,
        photo_type -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    speaker_availability (id) {
        id -> Text,
        user_id -> Text,
        edition_id -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
    }
}

diesel::table! {
    proposals (id) {
        id -> Text,
        edition_id -> Text,
        title -> Text,
        abstract_text -> Text,
        description -> Text,
        notes -> Text,
        session_type_id -> Text,
        track_id -> Nullable<Text>,
        language -> Text,
        level -> Text,
        state -> Text,
        search_text -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
        reviewer_abstract -> Nullable<Text>,
        waitlist_position -> Nullable<Integer>,
        may_stream -> Nullable<Bool>,
        may_record -> Nullable<Bool>,
    }
}

diesel::table! {
    proposal_speakers (proposal_id, user_id) {
        proposal_id -> Text,
        user_id -> Text,
        position -> Integer,
    }
}

diesel::table! {
    proposal_invitations (id) {
        id -> Text,
        proposal_id -> Text,
        email -> Text,
        token_hash -> Text,
        invited_by -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    cfp_answers (id) {
        id -> Text,
        question_id -> Text,
        proposal_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        value -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    proposal_history (id) {
        id -> Text,
        proposal_id -> Text,
        actor_id -> Nullable<Text>,
        at -> Timestamp,
        from_state -> Nullable<Text>,
        to_state -> Text,
        note -> Text,
    }
}

diesel::table! {
    review_settings (edition_id) {
        edition_id -> Text,
        opens_at -> Nullable<Timestamp>,
        closes_at -> Nullable<Timestamp>,
        comment_required -> Bool,
        anonymised -> Bool,
        hide_reviewer_names -> Bool,
        others_before_own -> Bool,
        reviews_per_proposal -> Integer,
    }
}

diesel::table! {
    score_categories (id) {
        id -> Text,
        edition_id -> Text,
        name -> Text,
        min_score -> Integer,
        max_score -> Integer,
        labels -> Text,
        weight -> Integer,
        position -> Integer,
        name_de -> Text,
        labels_de -> Text,
    }
}

diesel::table! {
    review_assignments (proposal_id, reviewer_id) {
        proposal_id -> Text,
        reviewer_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    reviewer_tracks (reviewer_id, track_id) {
        reviewer_id -> Text,
        track_id -> Text,
    }
}

diesel::table! {
    review_conflicts (proposal_id, reviewer_id) {
        proposal_id -> Text,
        reviewer_id -> Text,
        declared_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    reviews (id) {
        id -> Text,
        proposal_id -> Text,
        reviewer_id -> Text,
        abstained -> Bool,
        comment -> Text,
        speaker_note -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    review_scores (review_id, category_id) {
        review_id -> Text,
        category_id -> Text,
        score -> Integer,
    }
}

diesel::table! {
    decision_mails (proposal_id, decision) {
        proposal_id -> Text,
        decision -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    proposal_responses (token_hash) {
        token_hash -> Text,
        proposal_id -> Text,
        created_at -> Timestamp,
        responded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    registration_settings (edition_id) {
        edition_id -> Text,
        hold_hours -> Integer,
        offer_hours -> Integer,
        privacy_text -> Text,
        coc_text -> Text,
        consent_version -> Integer,
        purge_after_days -> Nullable<Integer>,
        purged_at -> Nullable<Timestamp>,
        privacy_text_de -> Text,
        coc_text_de -> Text,
        door_release_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    ticket_types (id) {
        id -> Text,
        edition_id -> Text,
        name -> Text,
        kind -> Text,
        capacity -> Integer,
        taken -> Integer,
        starts_at -> Nullable<Timestamp>,
        ends_at -> Nullable<Timestamp>,
        position -> Integer,
        waitlist_joined -> Integer,
        waitlist_active -> Integer,
        name_de -> Text,
        overbook -> Integer,
        hard_limit -> Nullable<Integer>,
    }
}

diesel::table! {
    registrations (id) {
        id -> Text,
        edition_id -> Text,
        email -> Text,
        name -> Text,
        company -> Text,
        tshirt -> Text,
        dietary -> Text,
        accessibility -> Text,
        locale -> Text,
        state -> Text,
        confirm_token_hash -> Nullable<Text>,
        manage_token_hash -> Text,
        held_until -> Nullable<Timestamp>,
        consent_at -> Timestamp,
        consent_version -> Integer,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        cancelled_at -> Nullable<Timestamp>,
        programme_generation -> Integer,
        change_notices -> Bool,
        watched_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    registration_tickets (registration_id, ticket_type_id) {
        registration_id -> Text,
        ticket_type_id -> Text,
    }
}

diesel::table! {
    waitlist_entries (id) {
        id -> Text,
        ticket_type_id -> Text,
        email -> Text,
        name -> Text,
        locale -> Text,
        state -> Text,
        offer_token_hash -> Nullable<Text>,
        offer_expires_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        queue_no -> Integer,
    }
}

diesel::table! {
    rooms (id) {
        id -> Text,
        edition_id -> Text,
        name -> Text,
        capacity -> Integer,
        position -> Integer,
        stream_url -> Text,
    }
}

diesel::table! {
    schedule_settings (edition_id) {
        edition_id -> Text,
        day_starts -> Text,
        day_ends -> Text,
        granularity_minutes -> Integer,
        change_minutes -> Integer,
    }
}

diesel::table! {
    schedule_breaks (id) {
        id -> Text,
        edition_id -> Text,
        title -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
    }
}

diesel::table! {
    placements (proposal_id) {
        proposal_id -> Text,
        edition_id -> Text,
        room_id -> Nullable<Text>,
        starts_at -> Timestamp,
        duration_minutes -> Integer,
        version -> Integer,
        updated_at -> Timestamp,
        pinned -> Bool,
    }
}

diesel::table! {
    placement_changes (id) {
        id -> Text,
        edition_id -> Text,
        batch -> Text,
        step -> Integer,
        proposal_id -> Text,
        before_room_id -> Nullable<Text>,
        before_starts_at -> Nullable<Timestamp>,
        before_duration_minutes -> Nullable<Integer>,
        before_pinned -> Bool,
        before_version -> Integer,
        after_version -> Integer,
        changed_by -> Nullable<Text>,
        changed_at -> Timestamp,
        undone -> Bool,
    }
}

diesel::table! {
    schedule_releases (id) {
        id -> Text,
        edition_id -> Text,
        number -> Integer,
        name -> Text,
        comment -> Text,
        snapshot -> Text,
        released_by -> Nullable<Text>,
        released_at -> Timestamp,
    }
}

diesel::table! {
    session_feedback (id) {
        id -> Text,
        edition_id -> Text,
        proposal_id -> Text,
        rating -> Integer,
        comment -> Text,
        client_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    recordings (proposal_id) {
        proposal_id -> Text,
        edition_id -> Text,
        url -> Text,
        updated_at -> Timestamp,
        notified_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    door_admissions (registration_id) {
        registration_id -> Text,
        edition_id -> Text,
        queue_no -> Integer,
        admitted_by -> Nullable<Text>,
        admitted_at -> Timestamp,
    }
}

diesel::table! {
    reconfirmation_rounds (edition_id) {
        edition_id -> Text,
        asks_at -> Timestamp,
        reminds_at -> Nullable<Timestamp>,
        deadline -> Timestamp,
        release_unanswered -> Bool,
        asked_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    reconfirmations (registration_id) {
        registration_id -> Text,
        edition_id -> Text,
        asked_at -> Timestamp,
        reminded_at -> Nullable<Timestamp>,
        answer -> Nullable<Text>,
        answered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    registration_interests (registration_id, proposal_id) {
        registration_id -> Text,
        proposal_id -> Text,
    }
}

diesel::table! {
    edition_keys (edition_id) {
        edition_id -> Text,
        public_key -> Text,
        secret_key -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    ticket_serials (registration_id) {
        registration_id -> Text,
        serial -> Integer,
        reissued_at -> Timestamp,
    }
}

diesel::table! {
    checkin_lists (id) {
        id -> Text,
        edition_id -> Text,
        slug -> Text,
        name -> Text,
        all_tickets -> Bool,
        created_at -> Timestamp,
        name_de -> Text,
    }
}

diesel::table! {
    checkin_list_ticket_types (list_id, ticket_type_id) {
        list_id -> Text,
        ticket_type_id -> Text,
    }
}

diesel::table! {
    scans (id) {
        id -> Text,
        list_id -> Text,
        registration_id -> Nullable<Text>,
        result -> Text,
        device -> Text,
        nonce -> Text,
        offline -> Bool,
        scanned_at -> Timestamp,
        recorded_at -> Timestamp,
        undone_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    returning_invitations (edition_id, user_id, kind) {
        edition_id -> Text,
        user_id -> Text,
        kind -> Text,
        from_edition_id -> Text,
        sent_at -> Timestamp,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(account_tokens -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(edition_roles -> editions (edition_id));
diesel::joinable!(edition_roles -> users (user_id));
diesel::joinable!(invitations -> editions (edition_id));
diesel::joinable!(proposals -> editions (edition_id));
diesel::joinable!(proposals -> session_types (session_type_id));
diesel::joinable!(proposals -> tracks (track_id));
diesel::joinable!(proposal_speakers -> proposals (proposal_id));
diesel::joinable!(proposal_speakers -> users (user_id));
diesel::joinable!(proposal_invitations -> proposals (proposal_id));
diesel::joinable!(proposal_history -> proposals (proposal_id));
diesel::joinable!(cfp_answers -> cfp_questions (question_id));
diesel::joinable!(speaker_profiles -> users (user_id));
diesel::joinable!(registration_tickets -> registrations (registration_id));
diesel::joinable!(reconfirmations -> registrations (registration_id));
diesel::joinable!(door_admissions -> registrations (registration_id));
diesel::joinable!(registration_tickets -> ticket_types (ticket_type_id));
diesel::joinable!(waitlist_entries -> ticket_types (ticket_type_id));
diesel::joinable!(reviews -> proposals (proposal_id));
diesel::joinable!(reviews -> users (reviewer_id));
diesel::joinable!(review_scores -> reviews (review_id));
diesel::joinable!(review_scores -> score_categories (category_id));
diesel::joinable!(review_assignments -> proposals (proposal_id));
diesel::joinable!(review_assignments -> users (reviewer_id));
diesel::joinable!(placement_changes -> proposals (proposal_id));
diesel::joinable!(placements -> proposals (proposal_id));
diesel::joinable!(placements -> rooms (room_id));
diesel::joinable!(session_feedback -> proposals (proposal_id));
diesel::joinable!(registration_interests -> proposals (proposal_id));
diesel::joinable!(registration_interests -> registrations (registration_id));

diesel::joinable!(ticket_serials -> registrations (registration_id));
diesel::joinable!(checkin_lists -> editions (edition_id));
diesel::joinable!(checkin_list_ticket_types -> checkin_lists (list_id));
diesel::joinable!(checkin_list_ticket_types -> ticket_types (ticket_type_id));
diesel::joinable!(scans -> checkin_lists (list_id));
diesel::joinable!(scans -> registrations (registration_id));

diesel::table! {
    /// Rate-limit counters shared by instances (PostgreSQL; SQLite counts in memory).
    rate_limits (key) {
        key -> Text,
        tat -> BigInt,
    }
}

diesel::table! {
    session_streams (proposal_id) {
        proposal_id -> Text,
        edition_id -> Text,
        url -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        edition_id -> Text,
        url -> Text,
        description -> Text,
        secret -> Text,
        events -> Text,
        active -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    webhook_deliveries (message_id, endpoint_id) {
        message_id -> Text,
        endpoint_id -> Text,
        event_type -> Text,
        payload -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        claim_token -> Nullable<Text>,
        delivered_at -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
        last_attempt_at -> Nullable<Timestamp>,
        last_status -> Nullable<Integer>,
        last_error -> Nullable<Text>,
    }
}

diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::joinable!(session_streams -> proposals (proposal_id));

diesel::allow_tables_to_appear_in_same_query!(
    app_settings,
    users,
    sessions,
    account_tokens,
    api_tokens,
    editions,
    edition_roles,
    invitations,
    outbox,
    cfp_settings,
    session_types,
    tracks,
    cfp_questions,
    cfp_access_codes,
    speaker_profiles,
    speaker_availability,
    proposals,
    proposal_speakers,
    proposal_invitations,
    cfp_answers,
    proposal_history,
    review_settings,
    score_categories,
    review_assignments,
    reviewer_tracks,
    review_conflicts,
    reviews,
    review_scores,
    decision_mails,
    proposal_responses,
    registration_settings,
    ticket_types,
    registrations,
    registration_tickets,
    waitlist_entries,
    rooms,
    schedule_settings,
    schedule_breaks,
    placement_changes,
    placements,
    schedule_releases,
    session_feedback,
    recordings,
    registration_interests,
    edition_keys,
    ticket_serials,
    checkin_lists,
    checkin_list_ticket_types,
    scans,
    returning_invitations,
    reconfirmation_rounds,
    reconfirmations,
    door_admissions,
    webhook_endpoints,
    webhook_deliveries,
    session_streams,
);
