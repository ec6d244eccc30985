//! Turns the suite switches into cfgs, so a suite that cannot run here is reported as
//! ignored, with how to enable it, instead of passing silently.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(devday_pg)");
    println!("cargo::rustc-check-cfg=cfg(devday_browser)");
    println!("cargo::rerun-if-env-changed=DEVDAY_TEST_POSTGRES_URL");
    println!("cargo::rerun-if-env-changed=DEVDAY_TEST_BROWSER");
    if std::env::var("DEVDAY_TEST_POSTGRES_URL").is_ok_and(|v| !v.is_empty()) {
        println!("cargo::rustc-cfg=devday_pg");
    }
    if std::env::var("DEVDAY_TEST_BROWSER").is_ok_and(|v| v == "1") {
        println!("cargo::rustc-cfg=devday_browser");
    }
}
