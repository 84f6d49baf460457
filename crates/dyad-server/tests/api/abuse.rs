//! Slow and oversized requests over a real loopback socket (`limits::accept_loop`): a client that
//! sends its headers a byte at a time, one that sends nothing, a huge query string, too many or
//! too large headers, a page size above the cap, a request that runs out of time. The server
//! must close or answer each with a 4xx/5xx (JSON where the router answers) and keep serving
//! everyone else.

use dyad_server::{limits, router, App, Limits};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A server on 127.0.0.1 with `limits`, on its own runtime thread (dropped with the process).
fn serve(limits: Limits) -> (tempfile::TempDir, SocketAddr) {
    let (dir, addr, _) = serve_app(limits);
    (dir, addr)
}

fn serve_app(limits: Limits) -> (tempfile::TempDir, SocketAddr, Arc<App>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite");
    let mut store = dyad_store::Store::open(&path).unwrap();
    store.put_batch(&super::fixture()).unwrap();
    drop(store);
    let app = Arc::new(App::open_with(&path, limits.clone()).unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    let state = app.clone();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(l.local_addr().unwrap()).unwrap();
            limits::accept_loop(l, router(state), limits).await;
        });
    });
    (dir, rx.recv().unwrap(), app)
}

fn short() -> Limits {
    Limits {
        head: Duration::from_millis(600),
        ..Limits::default()
    }
}

/// Send `req` as is and read until the server closes: status (0 when it closed without an
/// answer) and body.
fn exchange(addr: SocketAddr, req: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    // The server may close while a huge request is still being written.
    let _ = s.write_all(req);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map_or("", |x| x.1).to_string();
    (status, body)
}

fn get(addr: SocketAddr, target: &str) -> (u16, String) {
    exchange(
        addr,
        format!("GET {target} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

fn json_error(body: &str) -> String {
    let v: serde_json::Value =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body:?}"));
    v["error"].as_str().expect("an error message").to_string()
}

/// Wait until the server closes `s` (read gives 0 or an error); returns how long it took.
fn closed_within(mut s: TcpStream, limit: Duration) -> Duration {
    let t0 = Instant::now();
    s.set_read_timeout(Some(limit)).unwrap();
    let mut buf = [0u8; 1024];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return t0.elapsed(),
            Ok(_) => continue,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                panic!("still open after {limit:?}")
            }
            Err(_) => return t0.elapsed(),
        }
    }
}

#[test]
fn slow_and_idle_clients_are_dropped_while_others_are_served() {
    let (_d, addr) = serve(short());
    // Slowloris: a request line and then a header byte every 100 ms, never finished.
    let mut slow = TcpStream::connect(addr).unwrap();
    slow.write_all(b"GET /api/stats HTTP/1.1\r\nHost: t\r\nX-Slow: ")
        .unwrap();
    let writer = {
        let mut w = slow.try_clone().unwrap();
        std::thread::spawn(move || {
            for _ in 0..100 {
                std::thread::sleep(Duration::from_millis(100));
                if w.write_all(b"a").is_err() {
                    return true;
                }
            }
            false
        })
    };
    // A client that connects and sends nothing.
    let idle = TcpStream::connect(addr).unwrap();
    // Everyone else is served meanwhile.
    let (st, body) = get(addr, "/api/stats");
    assert_eq!(st, 200, "{body}");
    let took = closed_within(slow, Duration::from_secs(8));
    assert!(
        writer.join().unwrap(),
        "the slow writer must see the connection closed"
    );
    let idle_took = closed_within(idle, Duration::from_secs(8));
    eprintln!("slowloris closed after {took:?}, idle connection after {idle_took:?}");
    let (st, _) = get(addr, "/api/stats");
    assert_eq!(st, 200);
}

#[test]
fn oversized_requests_get_4xx_and_the_server_goes_on() {
    let (_d, addr) = serve(short());
    // A long query string within the head limit: the router's JSON 414.
    let (st, body) = get(addr, &format!("/api/events?q={}", "a".repeat(10_000)));
    assert_eq!(st, 414, "{body}");
    assert!(json_error(&body).contains("longer than"));
    // A huge query string (1 MB) beyond the head limit: hyper's 431, connection closed.
    let (st, _) = get(addr, &format!("/api/events?q={}", "a".repeat(1 << 20)));
    assert_eq!(st, 431);
    // Too many headers, and one huge header.
    let many: String = (0..200).map(|i| format!("X-H{i}: v\r\n")).collect();
    let (st, _) = exchange(
        addr,
        format!("GET /api/stats HTTP/1.1\r\nHost: t\r\n{many}\r\n").as_bytes(),
    );
    assert_eq!(st, 431);
    let (st, _) = exchange(
        addr,
        format!(
            "GET /api/stats HTTP/1.1\r\nHost: t\r\nX-Big: {}\r\n\r\n",
            "b".repeat(100_000)
        )
        .as_bytes(),
    );
    assert_eq!(st, 431);
    // A page size above the cap, a huge offset, a long text parameter: 400 with a JSON error.
    for target in [
        "/api/events?limit=100000",
        "/api/documents?limit=501",
        "/api/quotes?offset=99999999999",
        &format!("/api/documents?q={}", "z".repeat(300)),
    ] {
        let (st, body) = get(addr, target);
        assert_eq!(st, 400, "{target}: {body}");
        assert!(!json_error(&body).is_empty(), "{target}");
    }
    let (st, _) = get(addr, "/api/stats");
    assert_eq!(st, 200, "still serving");
}

#[test]
fn a_request_out_of_time_is_a_503_json_error() {
    let (_d, addr, app) = serve_app(Limits {
        request: Duration::from_millis(300),
        max_queries: 1,
        ..short()
    });
    // The only query turn is taken (as by a long query): the request waits and runs out of time.
    let turn = app.queries.clone().try_acquire_owned().unwrap();
    let t0 = Instant::now();
    let (st, body) = get(addr, "/api/stats");
    assert_eq!(st, 503, "{body}");
    assert!(json_error(&body).contains("longer than"));
    assert!(t0.elapsed() < Duration::from_secs(8), "{:?}", t0.elapsed());
    // Endpoints without a query still answer.
    assert_eq!(get(addr, "/api/cameo").0, 200);
    drop(turn);
    let (st, _) = get(addr, "/api/stats");
    assert_eq!(st, 200, "served again once the turn is free");
}
