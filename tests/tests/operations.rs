//! Operations and the edges of the HTTP interface: health, metrics, OpenAPI, security
//! headers, and errors as pages for people and problem documents for programs.

use devday_tests::{db_test, TestApp};

db_test! {
    async fn health_metrics_and_openapi(backend) {
        let app = TestApp::spawn(backend).await?;
        let client = app.client();
        let health = client.get("/healthz").await?;
        assert_eq!(health.status, 200);
        let expected = match backend { devday_tests::Backend::Sqlite => "sqlite", devday_tests::Backend::Postgres => "postgres" };
        assert_eq!(health.json()["database"], expected);
        client.get("/").await?;
        let metrics = client.get("/metrics").await?;
        assert!(metrics.body.contains("devday_http_requests_total"), "{}", metrics.body);
        assert!(metrics.body.contains("route=\"/\""));
        assert!(metrics.body.contains("devday_outbox_pending"));
        let doc = client.get("/api/openapi.json").await?.json();
        assert_eq!(doc["openapi"].as_str().map(|v| v.starts_with("3.")), Some(true));
        for path in ["/api/me", "/api/editions", "/api/editions/{edition}"] {
            assert!(doc["paths"][path].is_object(), "{path} missing from the OpenAPI document");
        }
        assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
        Ok(())
    }
}

db_test! {
    async fn errors_are_pages_for_people_and_problems_for_programs(backend) {
        let app = TestApp::spawn(backend).await?;
        let client = app.client();
        let page = client.get("/no/such/page").await?;
        assert_eq!(page.status, 404);
        assert!(page.header("content-type").is_some_and(|c| c.starts_with("text/html")));
        assert!(page.body.contains("does not exist"));
        let api = client.api_get("/api/no-such-endpoint", None).await?;
        assert_eq!(api.status, 404);
        assert_eq!(api.header("content-type"), Some("application/problem+json"));
        assert_eq!(api.json()["status"], 404);
        // Broken JSON and wrong content types are 400 problems, never 500.
        let raw = client.http().post(format!("{}/api/editions", app.base))
            .header("content-type", "application/json").body("{not json");
        let res = client.send(raw).await?;
        assert_eq!(res.status, 401, "authentication comes first");
        // Pages behind a login send anonymous visitors to it and back.
        let res = client.get("/account?tab=tokens").await?;
        assert_eq!(res.status, 303);
        assert_eq!(res.location(), Some("/account/login?next=%2Faccount%3Ftab%3Dtokens"));
        // Oversized and undecodable forms.
        let huge = "x".repeat(200_000);
        let res = client.post("/account/login", &[("email", &huge)]).await?;
        assert!(res.status == 400 || res.status == 413, "{}", res.status);
        let raw = client.http().post(format!("{}/account/login", app.base))
            .header("content-type", "application/x-www-form-urlencoded").body(vec![0xff, 0xfe, b'=', 0xc3]);
        let res = client.send(raw).await?;
        assert!(res.status == 400 || res.status == 403, "{}", res.status);
        Ok(())
    }
}

db_test! {
    async fn security_headers_and_cookie_flags(backend) {
        let app = TestApp::builder(backend).env("DEVDAY_SERVER_PUBLIC_URL", "https://devday.example").spawn().await?;
        let client = app.client();
        let res = client.get("/account/login").await?;
        let csp = res.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(res.header("referrer-policy"), Some("same-origin"));
        let cookie = res.header("set-cookie").unwrap_or_default();
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"), "{cookie}");
        Ok(())
    }
}
