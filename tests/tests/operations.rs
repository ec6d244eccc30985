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

db_test! {
    async fn json_endpoints_refuse_hostile_bodies_with_problems(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-a").await?;
        let token = devday_tests::flows::api_token(&admin, "hostile").await?;
        let doc = admin.api_get("/api/openapi.json", None).await?.json();
        let params = regex::Regex::new(r"\{([a-z_]+)\}")?;
        let mut checked = 0;
        let mut wrong = Vec::new();
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for (method, op) in item.as_object().into_iter().flatten() {
                if op["requestBody"]["content"]["application/json"].is_null() {
                    continue;
                }
                let path = params.replace_all(path, |c: &regex::Captures| match &c[1] {
                    "edition" | "event" | "e" => "dd-a".to_owned(),
                    _ => "00000000-0000-0000-0000-000000000000".to_owned(),
                });
                let url = format!("{}{path}", app.base);
                let json = Some("application/json");
                let cases: [(&str, Option<&str>, Vec<u8>, u16); 5] = [
                    ("300 KiB", json, format!(r#"{{"name":"{}"}}"#, "a".repeat(300 * 1024)).into_bytes(), 413),
                    // PostgreSQL cannot store U+0000, SQLite could: both refuse it alike.
                    ("a NUL character", json, br#"{"name":"a\u0000b","email":"n1@x.org","consent":true,"code":"\u0000","nonce":"\u0000","device":"\u0000","registration_id":"\u0000","title":"\u0000","scans":[{"code":"\u0000","nonce":"n"}]}"#.to_vec(), 422),
                    // In a key: serde skips unknown values without decoding them.
                    ("broken UTF-8", json, b"{\"\xff\xfe\":\"x\"}".to_vec(), 400),
                    ("text/plain", Some("text/plain"), b"{}".to_vec(), 415),
                    ("no content type", None, b"{}".to_vec(), 415),
                ];
                for (what, content_type, body, expected) in cases {
                    let mut req = admin.http().request(method.to_uppercase().parse()?, &url).bearer_auth(&token).body(body);
                    if let Some(content_type) = content_type {
                        req = req.header("content-type", content_type);
                    }
                    let res = admin.send(req).await?;
                    let problem = res.header("content-type") == Some("application/problem+json");
                    if res.status != expected || !problem {
                        wrong.push(format!("{method} {path} with {what}: {} {:?} {}", res.status, res.header("content-type"), res.body));
                    }
                }
                checked += 1;
            }
        }
        assert!(checked >= 5, "only {checked} JSON endpoints in the OpenAPI document");
        // A NUL in a query string or the path is refused before any route reads it.
        let mut queried = 0;
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            if item["get"].is_null() {
                continue;
            }
            let path = params.replace_all(path, |c: &regex::Captures| match &c[1] {
                "edition" | "event" | "e" => "dd-a".to_owned(),
                _ => "00000000-0000-0000-0000-000000000000".to_owned(),
            });
            for url in [format!("{path}?q=%00&list=%00&since=%00&state=%00"), path.replacen("dd-a", "dd%00a", 1)] {
                let res = admin.api_get(&url, Some(&token)).await?;
                let problem = res.header("content-type") == Some("application/problem+json");
                if (res.status != 422 || !problem) && url.contains("%00") {
                    wrong.push(format!("GET {url}: {} {}", res.status, res.body));
                }
            }
            queried += 1;
        }
        assert!(queried >= 5, "only {queried} GET endpoints");
        assert!(wrong.is_empty(), "hostile bodies got the wrong answer:\n{}", wrong.join("\n"));
        // The refused registration left nothing behind.
        let csv = admin.get("/dd-a/manage/registrations.csv").await?;
        assert!(!csv.body.contains("n1@x.org"), "{}", csv.body);
        let res = admin.api_post("/api/events/dd-a/registrations", None, &serde_json::json!({"name": "a\u{0}b", "email": "n1@x.org", "consent": true})).await?;
        assert_eq!(res.status, 422, "{}", res.body);
        assert_eq!(res.json()["errors"]["name"][0], "must not contain the NUL character (U+0000)");
        Ok(())
    }
}

/// The CSV files' cells that a spreadsheet would run as a formula.
fn formulas(csv: &str) -> Vec<String> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("a well-formed CSV file")
        .iter()
        .flat_map(|r| r.iter().map(str::to_owned).collect::<Vec<_>>())
        .filter(|c| c.starts_with(['=', '+', '-', '@', '\t', '\r']))
        .collect()
}

db_test! {
    async fn every_csv_export_neutralises_formulas(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-x").await?;
        // Hostile text everywhere a person can put some: a name, a title, a company, a
        // device name.
        let speaker = app.user("formula@example.org", "=HYPERLINK(\"http://evil\")").await?;
        devday_tests::flows::submit_proposal(&speaker, "dd-x", "@SUM(A1:A9)", "An abstract.").await?;
        let rows = "+Guest Plus,plus@example.org,=ACME()\n";
        let res = admin.post("/dd-x/manage/registrations/import", &[("rows", rows), ("action", "import")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let res = admin.api_post("/api/events/dd-x/registrations", None,
            &serde_json::json!({"name": "-1+1", "email": "minus@example.org", "consent": true})).await?;
        assert_eq!(res.status, 201, "{}", res.body);
        let token = devday_tests::flows::api_token(&admin, "door").await?;
        let code = devday_tests::flows::ticket_code(&app, "plus@example.org").await?;
        let res = admin.api_post("/api/events/dd-x/checkin", Some(&token), &serde_json::json!({"code": code, "device": "=Door()"})).await?;
        assert_eq!(res.json()["result"], "admitted", "{}", res.body);

        let exports: Vec<String> = devday_tests::route_patterns()?.into_iter()
            .filter(|p| p.ends_with(".csv")).collect();
        let mut seen = Vec::new();
        for pattern in &exports {
            let path = pattern.replace("{edition}", "dd-x");
            let csv = admin.get(&path).await?;
            assert_eq!(csv.status, 200, "{path}");
            assert!(formulas(&csv.body).is_empty(), "{path} has formula cells: {:?}", formulas(&csv.body));
            seen.push(csv.body);
        }
        assert!(exports.len() >= 4, "CSV exports found: {exports:?}");
        let all = seen.concat();
        for neutralised in ["'=HYPERLINK", "'@SUM(A1:A9)", "'+Guest Plus", "'=ACME()", "'-1+1", "'=Door()"] {
            assert!(all.contains(neutralised), "{neutralised} is in no export");
        }
        // The command-line export of ticket codes, for badges made elsewhere.
        let out = app.command().args(["ticket-codes", "--edition", "dd-x"]).output()?;
        let out = String::from_utf8(out.stdout)?;
        assert!(out.contains("'+Guest Plus") && formulas(&out).is_empty(), "{out}");
        Ok(())
    }
}
