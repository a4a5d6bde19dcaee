//! Start-Transcript and Stop-Transcript: a copy of everything the session shows (output,
//! errors, warnings, host text) goes to a file, between PowerShell's header and footer.

use std::path::PathBuf;

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, Signature, Value,
    format_date,
};

/// Starts a transcript.
pub struct StartTranscript;

/// Stops the transcript.
pub struct StopTranscript;

const STARS: &str = "**********************";

fn env_or<S>(cx: &Context<S>, name: &str, default: &str) -> String {
    cx.env_var(name)
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| default.to_owned())
}

fn transcript_error(call: &Call, message: String, param: &str) -> ErrorRecord {
    ErrorRecord::new(
        message,
        "CannotStartTranscription",
        ErrorCategory::InvalidOperation,
    )
    .with_reason("PSInvalidOperationException")
    .with_activity(call.name.clone())
    .with_span(call.span_of(param))
}

impl<S> Cmdlet<S> for StartTranscript {
    fn signature(&self) -> Signature {
        Signature::new("Start-Transcript")
            .summary("Creates a record of all or part of a session in a text file.")
            .param(
                Param::new("Path", Kind::String)
                    .position(0)
                    .alias("LiteralPath"),
            )
            .param(Param::new("OutputDirectory", Kind::String))
            .param(Param::switch("Append"))
            .param(Param::switch("Force"))
            .param(Param::switch("NoClobber").alias("NoOverwrite"))
            .param(Param::switch("IncludeInvocationHeader"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Start-Transcript -Path /tmp/certsh-transcript.txt | Out-Null; Get-Date -Format yyyy | Out-Null; Stop-Transcript | Out-Null; (Get-Content /tmp/certsh-transcript.txt)[1]",
            summary: "Records a session; the file starts with PowerShell's transcript header.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let now = cx.now();
        let stamp = format_date(&now, "yyyyMMddHHmmss");
        let machine = env_or(cx, "COMPUTERNAME", "localhost");
        let path = match call.get_optional::<String>("Path")? {
            Some(path) => shell_engine::file_path(&path),
            None => {
                let dir = match call.get_optional::<String>("OutputDirectory")? {
                    Some(dir) => shell_engine::file_path(&dir),
                    None => shell_engine::file_path("~"),
                };
                dir.join(format!("PowerShell_transcript.{machine}.{stamp}.txt"))
            }
        };
        let shown = path.display().to_string();
        if call.switch("NoClobber") && path.exists() {
            return Err(transcript_error(
                call,
                format!("File {shown} already exists and NoClobber was specified."),
                "Path",
            ));
        }
        let user = env_or(cx, "USERNAME", "user");
        let header = format!(
            "{STARS}\nWindows PowerShell transcript start\nStart time: {stamp}\nUsername: {user}\n\
             RunAs User: {user}\nMachine: {machine} (certsh)\nHost Application: certsh\n\
             PSVersion: 5.1\n{STARS}\n"
        );
        let started = cx
            .host()
            .start_transcript(&path, call.switch("Append"), &header);
        if let Err(reason) = started {
            return Err(transcript_error(
                call,
                format!("Transcription cannot be started: {reason}"),
                "Path",
            ));
        }
        cx.write_output(Value::from(format!(
            "Transcript started, output file is {shown}"
        )));
        Ok(())
    }
}

impl<S> Cmdlet<S> for StopTranscript {
    fn signature(&self) -> Signature {
        Signature::new("Stop-Transcript").summary("Stops a transcript.")
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Stop-Transcript",
            summary: "Without a running transcript this is PowerShell's error.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let stamp = format_date(&cx.now(), "yyyyMMddHHmmss");
        let footer =
            format!("{STARS}\nWindows PowerShell transcript end\nEnd time: {stamp}\n{STARS}\n");
        let stopped: Option<PathBuf> = cx.host().stop_transcript(&footer);
        match stopped {
            Some(path) => cx.write_output(Value::from(format!(
                "Transcript stopped, output file is {}",
                path.display()
            ))),
            None => {
                return Err(ErrorRecord::new(
                    "An error occurred stopping transcription: The host is not currently \
                     transcribing.",
                    "InvalidOperation",
                    ErrorCategory::InvalidOperation,
                )
                .with_reason("PSInvalidOperationException")
                .with_activity(call.name.clone()));
            }
        }
        Ok(())
    }
}
