//! What a webhook may be posted to. An organiser types the address, and the server posts
//! to it, so unless the operator allows it (`webhooks.allow_private_networks`), addresses
//! in private, loopback and link-local networks are refused at the moment of connecting:
//! the resolver itself drops them, so a name that resolves differently later cannot lead
//! the server into its own network.

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::Url;

/// Checks an address as typed: http or https, a host, no user or password in it. The
/// message id for the form when not.
pub fn check_url(raw: &str) -> Result<Url, &'static str> {
    let url = Url::parse(raw).map_err(|_| "webhooks-url-invalid")?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("webhooks-url-invalid");
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("webhooks-url-invalid");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("webhooks-url-credentials");
    }
    Ok(url)
}

/// Whether an address is on the public internet. IPv6 forms that carry an IPv4 address
/// (mapped, compatible, NAT64, 6to4) are judged by that address; tunnels that could carry
/// anything (Teredo) are refused.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                // "This network" (0/8), carrier-grade NAT (100.64/10), IETF protocol
                // assignments (192.0.0/24), benchmarking (198.18/15), reserved (240/4).
                || a == 0
                || (a == 100 && (64..128).contains(&b))
                || (a == 192 && b == 0 && c == 0)
                || (a == 198 && (18..20).contains(&b))
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            let embedded = |hi: u16, lo: u16| {
                IpAddr::V4(std::net::Ipv4Addr::from(
                    (u32::from(hi) << 16) | u32::from(lo),
                ))
            };
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            match v6.segments() {
                // IPv4-compatible ::a.b.c.d (:: and ::1 are caught below).
                [0, 0, 0, 0, 0, 0, hi, lo] if hi != 0 => is_public(embedded(hi, lo)),
                // NAT64: the well-known prefix carries the IPv4 address at its end; the
                // local-use one (64:ff9b:1::/48) maps as its operator chooses.
                [0x64, 0xff9b, 0, 0, 0, 0, hi, lo] => is_public(embedded(hi, lo)),
                [0x64, 0xff9b, 1, ..] => false,
                // 6to4 carries its IPv4 address after the prefix.
                [0x2002, hi, lo, ..] => is_public(embedded(hi, lo)),
                // Teredo, and the deprecated site-local fec0::/10.
                [0x2001, 0, ..] => false,
                [first, ..] if first & 0xffc0 == 0xfec0 => false,
                _ => {
                    !(v6.is_loopback()
                        || v6.is_unspecified()
                        || v6.is_multicast()
                        || v6.is_unique_local()
                        || v6.is_unicast_link_local())
                }
            }
        }
    }
}

/// How long a name may take to resolve.
const LOOKUP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Resolves names to public addresses only.
pub struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            // The system's resolver blocks, so it runs beside the client's runtime, and a
            // lookup that hangs counts as no answer. The port is replaced by the URL's.
            let lookup = tokio::task::spawn_blocking(move || {
                (host.as_str(), 0)
                    .to_socket_addrs()
                    .map(|found| (host.clone(), found.collect::<Vec<SocketAddr>>()))
            });
            let (host, found) = tokio::time::timeout(LOOKUP_TIMEOUT, lookup).await???;
            let public: Vec<SocketAddr> = found.into_iter().filter(|a| is_public(a.ip())).collect();
            if public.is_empty() {
                return Err(format!("{host} is not a public address").into());
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

/// Refuses an address written as a private IP (the resolver never sees those).
pub fn check_literal(url: &Url) -> Result<(), String> {
    let literal = match url.host() {
        Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
        _ => None,
    };
    match literal {
        Some(ip) if !is_public(ip) => Err(format!("{ip} is not a public address")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_loopback_and_link_local_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
            "::10.0.0.1",
            "64:ff9b::a00:1",
            "64:ff9b:1::1",
            "2002:a00:1::1",
            "2001:0:4136:e378::1",
            "fec0::1",
            "192.0.0.8",
            "198.18.0.1",
            "240.0.0.1",
        ] {
            assert!(!is_public(ip.parse().expect("ip")), "{ip}");
        }
        for ip in [
            "93.184.216.34",
            "2a00:1450:4001:80b::200e",
            "::ffff:93.184.216.34",
        ] {
            assert!(is_public(ip.parse().expect("ip")), "{ip}");
        }
    }

    #[test]
    fn only_http_addresses_without_credentials_are_taken() {
        assert!(check_url("https://hooks.example.org/in?x=1").is_ok());
        assert_eq!(
            check_url("ftp://x.org/").err(),
            Some("webhooks-url-invalid")
        );
        assert_eq!(check_url("not a url").err(), Some("webhooks-url-invalid"));
        assert_eq!(
            check_url("https://user:pw@x.org/").err(),
            Some("webhooks-url-credentials")
        );
        let literal = check_url("http://127.0.0.1:9/").expect("parses");
        assert!(check_literal(&literal).is_err());
    }
}
