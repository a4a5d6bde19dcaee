//! End-to-end scripts through the engine (see tests/).
