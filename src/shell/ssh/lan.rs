//! What the join screen tells people to type: this machine's addresses on
//! the room's network, and the command for each role.

use std::net::{IpAddr, Ipv4Addr};

/// This machine's IPv4 addresses others on the network can reach (not
/// loopback, not link-local), in the system's order.
pub fn addresses() -> Vec<IpAddr> {
    let mut found = Vec::new();
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs fills `list` with a linked list we free below.
    if unsafe { libc::getifaddrs(&mut list) } != 0 {
        return found;
    }
    let mut at = list;
    while !at.is_null() {
        // SAFETY: `at` is a node of the list getifaddrs returned, not yet freed.
        let entry = unsafe { &*at };
        let address = entry.ifa_addr;
        // SAFETY: a non-null ifa_addr points to a sockaddr whose family
        // says its real type; AF_INET is a sockaddr_in.
        if !address.is_null() && i32::from(unsafe { (*address).sa_family }) == libc::AF_INET {
            let inet = unsafe { &*(address as *const libc::sockaddr_in) };
            let ip = Ipv4Addr::from(u32::from_be(inet.sin_addr.s_addr));
            if !ip.is_loopback() && !ip.is_link_local() && !ip.is_unspecified() {
                found.push(IpAddr::V4(ip));
            }
        }
        at = entry.ifa_next;
    }
    // SAFETY: `list` came from getifaddrs and is freed once.
    unsafe { libc::freeifaddrs(list) };
    found.dedup();
    found
}

/// `ssh -p 2222 grupo3@192.168.1.20` (the port left out when it is 22).
pub fn join_command(user: &str, host: IpAddr, port: u16) -> String {
    let host = match host {
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    };
    if port == 22 {
        format!("ssh {user}@{host}")
    } else {
        format!("ssh -p {port} {user}@{host}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_people_type() {
        let host: IpAddr = "192.168.1.20".parse().unwrap();
        assert_eq!(
            join_command("grupo3", host, 2222),
            "ssh -p 2222 grupo3@192.168.1.20"
        );
        assert_eq!(join_command("sala", host, 22), "ssh sala@192.168.1.20");
    }

    #[test]
    fn addresses_leave_out_loopback() {
        assert!(addresses().iter().all(|ip| !ip.is_loopback()));
    }
}
