//! The certsh binary: command line, REPL and the system clock.
