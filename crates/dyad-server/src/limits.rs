//! Limits against slow and oversized requests, and the connection loop that applies them.
//!
//! `axum::serve` sets no timer on its connections, so a client that sends its headers one byte at
//! a time (slowloris) or opens connections and sends nothing holds them forever. [`accept_loop`]
//! serves HTTP/1.1 with hyper directly: a deadline for each request head (which also ends idle
//! kept-alive connections), a cap on the head's size and header count, and a cap on open
//! connections. [`Limits::request`] bounds the time from a request's head to its response (the
//! router's middleware answers 503 with a JSON error and interrupts the SQLite query), and
//! [`Limits::max_queries`] the queries running at once.
//! Oversized request targets and page sizes are refused by the router (`MAX_URI`, `params`).

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The server's limits (defaults: [`Limits::default`]).
#[derive(Debug, Clone)]
pub struct Limits {
    /// Time a client has to send a request's line and headers, from the first moment the server
    /// waits for them (so also the longest idle time of a kept-alive connection). On expiry the
    /// connection is closed without an answer.
    pub head: Duration,
    /// Time from a request's head to its response; beyond it the answer is 503 with a JSON error.
    pub request: Duration,
    /// Largest request head (request line and headers) in bytes; beyond it hyper answers 431 (or
    /// 414 for a request line alone) and closes the connection. At least 8,192 (hyper's minimum).
    pub max_head: usize,
    /// Most header fields in one request (431 beyond).
    pub max_headers: usize,
    /// Most connections served at once; further clients wait in the kernel's accept queue.
    pub max_connections: usize,
    /// Most database queries running at once (each holds a blocking thread and a connection);
    /// further requests wait for a turn within [`Limits::request`].
    pub max_queries: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            head: Duration::from_secs(10),
            request: Duration::from_secs(30),
            max_head: 16 * 1024,
            max_headers: 64,
            max_connections: 512,
            max_queries: 32,
        }
    }
}

/// Serve `app` on `listener` under `limits` until the process ends.
pub async fn accept_loop(listener: TcpListener, app: axum::Router, limits: Limits) {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((s, _)) => s,
            Err(e) => {
                // Out of file descriptors or a connection reset before accept: not fatal; wait a
                // little so that a full descriptor table cannot spin this loop.
                eprintln!("dyad serve: accept: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let limits = limits.clone();
        tokio::spawn(async move {
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(limits.head)
                .max_buf_size(limits.max_head.max(8192))
                .max_headers(limits.max_headers)
                .keep_alive(true);
            // Errors here are the client's (timeouts, resets, malformed requests): hyper has
            // already answered what can be answered.
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
            drop(slot);
        });
    }
}
