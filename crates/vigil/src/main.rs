//! The `vigil` binary: parses the command line, runs the command, maps the outcome to an
//! exit status. A closed pipe (`vigil export | head`) is success, not an error.

mod cli;
mod commands;
mod context;
mod output;

use std::process::ExitCode;

use clap::Parser;

// glibc's allocator serialises frees of memory allocated on another thread, which the
// import pipeline (parse on one thread, write on another) does millions of times.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(&cli) {
        Ok(code) => code,
        Err(err) => {
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("vigil: {}", output::visible(&format!("{err:#}")));
            ExitCode::FAILURE
        }
    }
}
