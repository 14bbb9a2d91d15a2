//! Where a request comes from: the TCP peer's address, or — only when the peer is a
//! trusted proxy (`vigil serve --trusted-proxy`) — the client the proxy says it forwarded
//! for, read from the one header the proxies are said to write (`X-Forwarded-For` or
//! `Forwarded`).
//!
//! A forwarding header is a list each hop appends to, so everything in it left of what
//! the first trusted proxy appended was written by the client, who can write anything.
//! The client is therefore the **rightmost** entry that is not itself a trusted proxy:
//! walking from the peer leftwards, each trusted hop vouches for the entry before it, and
//! the first untrusted one is where vouching stops. An entry that is not an address
//! (`unknown`, an obfuscated `_name`, garbage) stops the walk at the trusted hop that
//! wrote it: that client is known only as that proxy.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use axum::http::HeaderMap;

/// An address or a network whose requests are believed about whom they forward for:
/// `10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    addr: IpAddr,
    prefix: u8,
}

/// A `--trusted-proxy` value that is not an address or a network.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an address or a network; expected one like 10.0.0.1, 10.0.0.0/8 or fd00::/8")]
pub struct NotANetwork(String);

impl FromStr for Network {
    type Err = NotANetwork;

    fn from_str(s: &str) -> Result<Network, NotANetwork> {
        let bad = || NotANetwork(s.to_string());
        let (addr, prefix) = match s.trim().split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s.trim(), None),
        };
        let addr = IpAddr::from_str(addr).map_err(|_| bad())?.to_canonical();
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(bad)?,
        };
        Ok(Network { addr, prefix })
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = if self.addr.is_ipv4() { 32 } else { 128 };
        if self.prefix == max {
            write!(f, "{}", self.addr)
        } else {
            write!(f, "{}/{}", self.addr, self.prefix)
        }
    }
}

impl Network {
    /// Whether `ip` is in this network (an IPv4 address written as `::ffff:a.b.c.d` is
    /// the IPv4 address).
    #[must_use]
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                prefix_bits(u128::from(net.to_bits()) << 96, self.prefix)
                    == prefix_bits(u128::from(ip.to_bits()) << 96, self.prefix)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                prefix_bits(net.to_bits(), self.prefix) == prefix_bits(ip.to_bits(), self.prefix)
            }
            _ => false,
        }
    }
}

/// The first `prefix` bits of a 128-bit value (IPv4 addresses are shifted to the top).
fn prefix_bits(bits: u128, prefix: u8) -> u128 {
    match prefix {
        0 => 0,
        p => bits & (u128::MAX << (128 - u32::from(p))),
    }
}

/// Which forwarding header the trusted proxies write. Only that one is read: a proxy
/// passes the other on as the client sent it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Header {
    /// `X-Forwarded-For: client, proxy1` (nginx's `$proxy_add_x_forwarded_for`).
    #[default]
    XForwardedFor,
    /// `Forwarded: for=client, for="[2001:db8::1]:4711"` (RFC 7239).
    Forwarded,
}

impl Header {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Header::XForwardedFor => "X-Forwarded-For",
            Header::Forwarded => "Forwarded",
        }
    }
}

/// The proxies in front of the server and the header they write; by default none, and
/// every request's address is its TCP peer's.
#[derive(Debug, Clone, Default)]
pub struct Proxies {
    trusted: Vec<Network>,
    header: Header,
}

impl Proxies {
    #[must_use]
    pub fn new(trusted: Vec<Network>, header: Header) -> Proxies {
        Proxies { trusted, header }
    }

    /// Whether any proxy is trusted.
    #[must_use]
    pub fn any(&self) -> bool {
        !self.trusted.is_empty()
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.trusted.iter().any(|n| n.contains(ip))
    }

    /// The client's address: the peer's, unless the peer is a trusted proxy; then the
    /// rightmost entry of the header that is not a trusted proxy (see the module's
    /// header).
    #[must_use]
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return client;
        }
        let entries: Vec<Option<IpAddr>> = match self.header {
            Header::XForwardedFor => headers
                .get_all("x-forwarded-for")
                .iter()
                .flat_map(|v| v.to_str().unwrap_or("\u{0}").split(','))
                .map(|e| address(e.trim()))
                .collect(),
            Header::Forwarded => headers
                .get_all("forwarded")
                .iter()
                .flat_map(|v| elements(v.to_str().unwrap_or("\u{0}")))
                .map(|e| forwarded_for(&e))
                .collect(),
        };
        for entry in entries.into_iter().rev() {
            match entry {
                // Not an address: known only as the trusted hop that wrote it.
                None => return client,
                Some(ip) => {
                    client = ip.to_canonical();
                    if !self.trusts(client) {
                        return client;
                    }
                }
            }
        }
        client
    }
}

/// An address as forwarding headers write one: `192.0.2.1`, `192.0.2.1:80`, `2001:db8::1`,
/// `[2001:db8::1]`, `[2001:db8::1]:4711`.
fn address(s: &str) -> Option<IpAddr> {
    if let Ok(ip) = IpAddr::from_str(s) {
        return Some(ip);
    }
    if let Ok(sock) = std::net::SocketAddr::from_str(s) {
        return Some(sock.ip());
    }
    s.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .and_then(|ip| IpAddr::from_str(ip).ok())
}

/// The comma-separated elements of a `Forwarded` header (commas inside quotes are not
/// separators).
fn elements(value: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in value.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                out.last_mut().expect("never empty").push(c);
            }
            ',' if !quoted => out.push(String::new()),
            _ => out.last_mut().expect("never empty").push(c),
        }
    }
    out
}

/// The `for=` address of one `Forwarded` element (`for=192.0.2.60;proto=http`).
fn forwarded_for(element: &str) -> Option<IpAddr> {
    element.split(';').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        if !k.trim().eq_ignore_ascii_case("for") {
            return None;
        }
        let v = v.trim();
        address(
            v.strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(v),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(name: &str, values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(
                axum::http::HeaderName::from_str(name).unwrap(),
                v.parse().unwrap(),
            );
        }
        h
    }

    fn proxies(trusted: &[&str], header: Header) -> Proxies {
        Proxies::new(trusted.iter().map(|t| t.parse().unwrap()).collect(), header)
    }

    #[test]
    fn networks_parse_and_contain() {
        let cases: &[(&str, &str, bool)] = &[
            ("127.0.0.1", "127.0.0.1", true),
            ("127.0.0.1", "127.0.0.2", false),
            ("10.0.0.0/8", "10.200.3.4", true),
            ("10.0.0.0/8", "11.0.0.1", false),
            ("0.0.0.0/0", "203.0.113.7", true),
            ("0.0.0.0/0", "2001:db8::1", false),
            ("fd00::/8", "fd12:3456::1", true),
            ("fd00::/8", "fe80::1", false),
            ("::1", "::1", true),
            // An IPv4 peer written as an IPv6 address is the IPv4 address.
            ("127.0.0.1", "::ffff:127.0.0.1", true),
            ("::ffff:10.0.0.1", "10.0.0.1", true),
        ];
        for (net, ip, want) in cases {
            let n: Network = net.parse().unwrap();
            assert_eq!(n.contains(ip.parse().unwrap()), *want, "{net} ∋ {ip}");
        }
        for bad in [
            "",
            "localhost",
            "10.0.0.0/33",
            "fd00::/129",
            "10.0.0.0/x",
            "1.2.3",
        ] {
            assert!(bad.parse::<Network>().is_err(), "{bad:?}");
        }
        assert_eq!(
            "10.0.0.0/8".parse::<Network>().unwrap().to_string(),
            "10.0.0.0/8"
        );
        assert_eq!("::1".parse::<Network>().unwrap().to_string(), "::1");
    }

    /// Trusted proxies, the header they write, the header sent and its values, the peer,
    /// and the client it comes to.
    type Case<'a> = (
        &'a [&'a str],
        Header,
        &'a str,
        &'a [&'a str],
        &'a str,
        &'a str,
    );

    #[test]
    fn the_client_is_the_rightmost_address_no_trusted_proxy_wrote() {
        let xff = Header::XForwardedFor;
        let fwd = Header::Forwarded;
        let cases: &[Case] = &[
            // No proxy trusted: the header is ignored, whoever sends it.
            (
                &[],
                xff,
                "x-forwarded-for",
                &["198.51.100.9"],
                "203.0.113.7",
                "203.0.113.7",
            ),
            // A peer that is not a trusted proxy: ignored too.
            (
                &["127.0.0.1"],
                xff,
                "x-forwarded-for",
                &["198.51.100.9"],
                "203.0.113.7",
                "203.0.113.7",
            ),
            (
                &["127.0.0.1"],
                xff,
                "x-forwarded-for",
                &["198.51.100.9"],
                "127.0.0.1",
                "198.51.100.9",
            ),
            // What the client wrote before the proxy's entry is not believed.
            (
                &["127.0.0.1"],
                xff,
                "x-forwarded-for",
                &["198.51.100.9, 203.0.113.7"],
                "127.0.0.1",
                "203.0.113.7",
            ),
            (
                &["127.0.0.1"],
                xff,
                "x-forwarded-for",
                &["198.51.100.9", "203.0.113.7"],
                "127.0.0.1",
                "203.0.113.7",
            ),
            // Through two trusted proxies.
            (
                &["127.0.0.1", "10.0.0.0/8"],
                xff,
                "x-forwarded-for",
                &["198.51.100.9, 203.0.113.7, 10.1.2.3"],
                "127.0.0.1",
                "203.0.113.7",
            ),
            // Every hop trusted: the leftmost is the client.
            (
                &["127.0.0.1", "10.0.0.0/8"],
                xff,
                "x-forwarded-for",
                &["10.9.9.9, 10.1.2.3"],
                "127.0.0.1",
                "10.9.9.9",
            ),
            // No header from a trusted proxy: the proxy itself.
            (
                &["127.0.0.1"],
                xff,
                "x-forwarded-for",
                &[],
                "127.0.0.1",
                "127.0.0.1",
            ),
            // Not an address: the hop that wrote it.
            (
                &["127.0.0.1"],
                xff,
                "x-forwarded-for",
                &["198.51.100.9, unknown"],
                "127.0.0.1",
                "127.0.0.1",
            ),
            (
                &["127.0.0.1", "10.0.0.0/8"],
                xff,
                "x-forwarded-for",
                &["garbage, 10.1.2.3"],
                "127.0.0.1",
                "10.1.2.3",
            ),
            // Ports and brackets.
            (
                &["127.0.0.1"],
                xff,
                "x-forwarded-for",
                &["[2001:db8::7]:4711"],
                "127.0.0.1",
                "2001:db8::7",
            ),
            (
                &["127.0.0.1"],
                xff,
                "x-forwarded-for",
                &["203.0.113.7:5000"],
                "127.0.0.1",
                "203.0.113.7",
            ),
            (
                &["::1"],
                xff,
                "x-forwarded-for",
                &["2001:db8::7"],
                "::1",
                "2001:db8::7",
            ),
            // The other header is never read: a proxy passes it on as the client sent it.
            (
                &["127.0.0.1"],
                xff,
                "forwarded",
                &["for=198.51.100.9"],
                "127.0.0.1",
                "127.0.0.1",
            ),
            (
                &["127.0.0.1"],
                fwd,
                "x-forwarded-for",
                &["198.51.100.9"],
                "127.0.0.1",
                "127.0.0.1",
            ),
            // RFC 7239.
            (
                &["127.0.0.1"],
                fwd,
                "forwarded",
                &["for=198.51.100.9;proto=https, for=203.0.113.7"],
                "127.0.0.1",
                "203.0.113.7",
            ),
            (
                &["127.0.0.1"],
                fwd,
                "forwarded",
                &[r#"for="[2001:db8:cafe::17]:4711";proto=https"#],
                "127.0.0.1",
                "2001:db8:cafe::17",
            ),
            (
                &["127.0.0.1"],
                fwd,
                "forwarded",
                &["For=203.0.113.7"],
                "127.0.0.1",
                "203.0.113.7",
            ),
            (
                &["127.0.0.1"],
                fwd,
                "forwarded",
                &["for=_hidden"],
                "127.0.0.1",
                "127.0.0.1",
            ),
            (
                &["127.0.0.1"],
                fwd,
                "forwarded",
                &["proto=https"],
                "127.0.0.1",
                "127.0.0.1",
            ),
            (
                &["127.0.0.1"],
                fwd,
                "forwarded",
                &[r#"for=198.51.100.9;by="a,b", for=203.0.113.7"#],
                "127.0.0.1",
                "203.0.113.7",
            ),
        ];
        for (trusted, header, name, values, peer, want) in cases {
            let p = proxies(trusted, *header);
            let got = p.client(peer.parse().unwrap(), &headers(name, values));
            assert_eq!(
                got,
                want.parse::<IpAddr>().unwrap(),
                "trusting {trusted:?} ({}), {name}: {values:?} from {peer}",
                header.name()
            );
        }
    }
}
