//! Clear-Host (alias `cls`, `clear`).

use shell_engine::{Call, Cmdlet, Context, ErrorRecord, Example, Signature};

/// Clears the screen of an interactive terminal; elsewhere it does nothing.
pub struct ClearHost;

impl<S> Cmdlet<S> for ClearHost {
    fn signature(&self) -> Signature {
        Signature::new("Clear-Host").summary("Clears the display in the host program.")
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Clear-Host",
            summary: "Clears the screen (nothing in a script).",
        }]
    }

    fn run(&self, _call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        // The engine's Host cannot tell a cmdlet whether it is an interactive terminal, so
        // the cmdlet never writes the escape sequence itself; the REPL clears the screen when
        // a whole input is `Clear-Host`, `cls` or `clear` (see shell-repl).
        let _ = cx;
        Ok(())
    }
}
