//! A bounded load check for `dyad serve`: N client threads send GET requests over keep-alive
//! HTTP/1.1 connections to a loopback address, then requests/s and latency percentiles are printed.
//!
//! Usage: `load ADDR TOTAL CONCURRENCY PATH...` (e.g. `load 127.0.0.1:8931 2000 4 /api/events`).
//! Only loopback addresses are accepted; the run stops after TOTAL requests or 600 seconds. Any
//! answer other than 200, a broken connection, or requests left unsent at the deadline count as
//! errors (exit code 1).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

fn request(stream: &mut BufReader<TcpStream>, host: &str, path: &str) -> std::io::Result<u16> {
    let req = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n");
    stream.get_mut().write_all(req.as_bytes())?;
    let mut line = String::new();
    stream.read_line(&mut line)?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut len = 0usize;
    loop {
        line.clear();
        stream.read_line(&mut line)?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; len];
    stream.read_exact(&mut body)?;
    Ok(status)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        eprintln!("usage: load ADDR TOTAL CONCURRENCY PATH...");
        std::process::exit(2);
    }
    let addr: SocketAddr = args[0].parse().expect("ADDR like 127.0.0.1:8080");
    assert!(
        addr.ip().is_loopback(),
        "load checks only target loopback addresses"
    );
    let total: usize = args[1].parse().expect("TOTAL");
    let conc: usize = args[2].parse::<usize>().expect("CONCURRENCY").clamp(1, 64);
    let paths: Vec<String> = args[3..].to_vec();
    let deadline = Instant::now() + Duration::from_secs(600);
    let start = Instant::now();
    let handles: Vec<_> = (0..conc)
        .map(|t| {
            let paths = paths.clone();
            let n = total / conc + usize::from(t < total % conc);
            std::thread::spawn(move || {
                let host = addr.to_string();
                let mut s = BufReader::new(TcpStream::connect(addr).expect("connect"));
                let mut lat = Vec::with_capacity(n);
                let mut errors = 0;
                for i in 0..n {
                    if Instant::now() > deadline {
                        break;
                    }
                    let path = &paths[(i + t) % paths.len()];
                    let t0 = Instant::now();
                    match request(&mut s, &host, path) {
                        Ok(200) => lat.push(t0.elapsed()),
                        _ => {
                            errors += 1;
                            s = BufReader::new(TcpStream::connect(addr).expect("reconnect"));
                        }
                    }
                }
                (lat, errors)
            })
        })
        .collect();
    let mut lat = Vec::new();
    let mut errors = 0;
    let mut unsent = 0;
    for h in handles {
        let (l, e) = h.join().expect("client thread");
        lat.extend(l);
        errors += e;
    }
    unsent += total.saturating_sub(lat.len() + errors);
    let secs = start.elapsed().as_secs_f64();
    lat.sort();
    let pct = |p: f64| {
        lat.get(((lat.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(f64::NAN)
    };
    if unsent > 0 {
        println!("deadline reached: {unsent} requests not sent");
    }
    errors += unsent;
    println!(
        "{} requests ({} errors) in {:.2}s with {} connections: {:.0} requests/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        lat.len(),
        errors,
        secs,
        conc,
        lat.len() as f64 / secs,
        pct(0.50),
        pct(0.99),
        pct(1.0)
    );
    if errors > 0 {
        std::process::exit(1);
    }
}
