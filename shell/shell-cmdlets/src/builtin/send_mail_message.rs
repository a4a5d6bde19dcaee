//! Send-MailMessage: sends one message over SMTP (RFC 5321) to `-SmtpServer` (or
//! `$PSEmailServer`) on `-Port` (25): EHLO, AUTH LOGIN when `-Credential` is given, MAIL FROM,
//! RCPT TO for every To/Cc/Bcc address, DATA, QUIT. The message is MIME (RFC 2045): a UTF-8
//! text or HTML body in Base64, and attachments as Base64 parts of a multipart/mixed message.
//! `-UseSsl` (STARTTLS) is not available: certsh has no TLS client, and sending the
//! credential in the clear instead would not be what the script asked for.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, Signature, Value,
};
use time::OffsetDateTime;

use super::common::unsupported;

/// Sends an e-mail message.
pub struct SendMailMessage;

/// How long a connection or a reply may take.
const TIMEOUT: Duration = Duration::from_secs(15);

/// The MIME boundary of messages with attachments (it cannot occur in Base64 text).
const BOUNDARY: &str = "--certsh-boundary-7f3a9c";

/// A failure of the SMTP conversation: what PowerShell's SmtpException says.
#[derive(Debug)]
struct SmtpError(String);

impl From<std::io::Error> for SmtpError {
    fn from(error: std::io::Error) -> Self {
        SmtpError(format!("Failure sending mail. {error}"))
    }
}

/// One SMTP connection.
struct Smtp {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Smtp {
    fn connect(server: &str, port: u16) -> Result<Smtp, SmtpError> {
        let addresses = (server, port)
            .to_socket_addrs()
            .map_err(|error| SmtpError(format!("Failure sending mail. {error}")))?;
        let mut last = None;
        for address in addresses {
            match TcpStream::connect_timeout(&address, TIMEOUT) {
                Ok(stream) => {
                    stream.set_read_timeout(Some(TIMEOUT))?;
                    stream.set_write_timeout(Some(TIMEOUT))?;
                    let writer = stream.try_clone()?;
                    return Ok(Smtp {
                        reader: BufReader::new(stream),
                        writer,
                    });
                }
                Err(error) => last = Some(error),
            }
        }
        Err(SmtpError(format!(
            "Unable to connect to the remote server {server}:{port}{}",
            last.map(|error| format!(": {error}")).unwrap_or_default()
        )))
    }

    /// Reads one (possibly multi-line) reply; returns its code and its lines.
    fn reply(&mut self) -> Result<(u16, Vec<String>), SmtpError> {
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line)? == 0 {
                return Err(SmtpError(
                    "Failure sending mail. The server closed the connection.".to_owned(),
                ));
            }
            let line = line.trim_end().to_owned();
            let code = line
                .get(..3)
                .and_then(|code| code.parse::<u16>().ok())
                .ok_or_else(|| SmtpError(format!("Failure sending mail. Bad reply: {line}")))?;
            let last = line.as_bytes().get(3) != Some(&b'-');
            lines.push(line);
            if last {
                return Ok((code, lines));
            }
        }
    }

    /// Sends a command and expects a reply in `expected` (a class such as 2 or 3).
    fn command(&mut self, text: &str, expected: u16) -> Result<Vec<String>, SmtpError> {
        self.writer.write_all(format!("{text}\r\n").as_bytes())?;
        self.expect(expected)
    }

    fn expect(&mut self, expected: u16) -> Result<Vec<String>, SmtpError> {
        let (code, lines) = self.reply()?;
        if code / 100 == expected {
            Ok(lines)
        } else {
            let text = lines
                .iter()
                .map(|line| line.get(4..).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" ");
            Err(SmtpError(format!(
                "The server response was: {code} {}",
                text.trim()
            )))
        }
    }
}

/// The message as sent.
struct Message {
    from: String,
    to: Vec<String>,
    cc: Vec<String>,
    bcc: Vec<String>,
    subject: String,
    body: String,
    html: bool,
    priority: Option<&'static str>,
    attachments: Vec<(String, Vec<u8>)>,
    date: OffsetDateTime,
}

/// `user@host` from `Name <user@host>` or `user@host`.
fn address_of(text: &str) -> String {
    match (text.find('<'), text.rfind('>')) {
        (Some(open), Some(close)) if open < close => text[open + 1..close].trim().to_owned(),
        _ => text.trim().to_owned(),
    }
}

/// A header value: ASCII as is, anything else as an RFC 2047 Base64 encoded word.
fn header_text(text: &str) -> String {
    if text.is_ascii() {
        text.to_owned()
    } else {
        format!("=?utf-8?B?{}?=", STANDARD.encode(text.as_bytes()))
    }
}

/// Base64 in lines of 76 characters (RFC 2045).
fn base64_lines(bytes: &[u8]) -> String {
    let encoded = STANDARD.encode(bytes);
    encoded
        .as_bytes()
        .chunks(76)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// RFC 5322 date: `Thu, 07 Aug 2008 10:04:02 +0000`.
fn rfc5322_date(date: OffsetDateTime) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let offset = date.offset().whole_minutes();
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} {}{:02}{:02}",
        DAYS[usize::from(date.weekday().number_days_from_monday())],
        date.day(),
        &shell_engine::MONTH_NAMES[usize::from(u8::from(date.month()) - 1)][..3],
        date.year(),
        date.hour(),
        date.minute(),
        date.second(),
        if offset < 0 { '-' } else { '+' },
        offset.abs() / 60,
        offset.abs() % 60
    )
}

impl Message {
    /// The DATA section: headers, body, attachments; lines end in CRLF, dot-stuffed.
    fn data(&self) -> String {
        let mut out = vec![
            format!("From: {}", header_text(&self.from)),
            format!("To: {}", self.to.join(", ")),
        ];
        if !self.cc.is_empty() {
            out.push(format!("Cc: {}", self.cc.join(", ")));
        }
        out.push(format!("Subject: {}", header_text(&self.subject)));
        out.push(format!("Date: {}", rfc5322_date(self.date)));
        if let Some(priority) = self.priority {
            out.push(format!("X-Priority: {priority}"));
        }
        out.push("MIME-Version: 1.0".to_owned());
        let kind = if self.html { "html" } else { "plain" };
        let body_part = [
            format!("Content-Type: text/{kind}; charset=utf-8"),
            "Content-Transfer-Encoding: base64".to_owned(),
            String::new(),
            base64_lines(self.body.as_bytes()),
        ];
        if self.attachments.is_empty() {
            out.extend(body_part);
        } else {
            out.push(format!(
                "Content-Type: multipart/mixed; boundary=\"{BOUNDARY}\""
            ));
            out.push(String::new());
            out.push(format!("--{BOUNDARY}"));
            out.extend(body_part);
            for (name, bytes) in &self.attachments {
                out.push(format!("--{BOUNDARY}"));
                out.push(format!(
                    "Content-Type: application/octet-stream; name=\"{name}\""
                ));
                out.push("Content-Transfer-Encoding: base64".to_owned());
                out.push(format!(
                    "Content-Disposition: attachment; filename=\"{name}\""
                ));
                out.push(String::new());
                out.push(base64_lines(bytes));
            }
            out.push(format!("--{BOUNDARY}--"));
        }
        out.iter()
            .flat_map(|line| line.split("\r\n"))
            .map(|line| {
                if line.starts_with('.') {
                    format!(".{line}\r\n")
                } else {
                    format!("{line}\r\n")
                }
            })
            .collect()
    }
}

/// Runs the SMTP conversation for `message`.
fn send(
    server: &str,
    port: u16,
    credential: Option<(&str, &str)>,
    message: &Message,
) -> Result<(), SmtpError> {
    let mut smtp = Smtp::connect(server, port)?;
    smtp.expect(2)?;
    smtp.command("EHLO certsh", 2)?;
    if let Some((user, password)) = credential {
        smtp.command("AUTH LOGIN", 3)?;
        smtp.command(&STANDARD.encode(user), 3)?;
        smtp.command(&STANDARD.encode(password), 2)?;
    }
    smtp.command(&format!("MAIL FROM:<{}>", address_of(&message.from)), 2)?;
    for recipient in message.to.iter().chain(&message.cc).chain(&message.bcc) {
        smtp.command(&format!("RCPT TO:<{}>", address_of(recipient)), 2)?;
    }
    smtp.command("DATA", 3)?;
    smtp.writer.write_all(message.data().as_bytes())?;
    smtp.command(".", 2)?;
    // The message is accepted; a failed goodbye changes nothing.
    let _ = smtp.command("QUIT", 2);
    Ok(())
}

/// The user name and password of a PSCredential.
fn credential_of(value: &Value) -> Option<(String, String)> {
    let user = value.property("UserName")?.to_string_form();
    let password = match value.property("Password")? {
        Value::SecureString(secret) => secret.reveal().to_owned(),
        other => other.to_string_form(),
    };
    Some((user, password))
}

fn mail_error(call: &Call, message: String, id: &str, category: ErrorCategory) -> ErrorRecord {
    ErrorRecord::new(message, id, category).with_activity(call.name.clone())
}

impl<S> Cmdlet<S> for SendMailMessage {
    fn signature(&self) -> Signature {
        Signature::new("Send-MailMessage")
            .summary("Sends an email message over SMTP.")
            .param(Param::new("To", Kind::StringList).position(0).mandatory())
            .param(
                Param::new("Subject", Kind::String)
                    .alias("sub")
                    .position(1)
                    .mandatory(),
            )
            .param(Param::new("Body", Kind::String).position(2))
            .param(
                Param::new("SmtpServer", Kind::String)
                    .alias("ComputerName")
                    .position(3),
            )
            .param(Param::new("From", Kind::String).mandatory())
            .param(Param::new("Cc", Kind::StringList))
            .param(Param::new("Bcc", Kind::StringList))
            .param(Param::switch("BodyAsHtml").alias("BAH"))
            .param(Param::new("Attachments", Kind::StringList).alias("PsPath"))
            .param(Param::new("Port", Kind::Int32))
            .param(Param::new("Credential", Kind::Object))
            .param(Param::new("Priority", Kind::String))
            .param(Param::new("Encoding", Kind::String).alias("BE"))
            .param(Param::switch("UseSsl").unimplemented())
            .param(Param::new("DeliveryNotificationOption", Kind::StringList).unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Send-MailMessage -To admin@contoso.com -From certsh@contoso.com -Subject 'Expiring certificates' -Body 'None' -SmtpServer localhost -Port 1 -ErrorAction SilentlyContinue; $?",
            summary: "Sends a message; here no server listens on port 1, so it fails (False).",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in ["UseSsl", "DeliveryNotificationOption"] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let server = match call.get_optional::<String>("SmtpServer")? {
            Some(server) => server,
            None => cx
                .variable("PSEmailServer")
                .map(|value| value.to_string_form())
                .filter(|server| !server.is_empty())
                .ok_or_else(|| {
                    mail_error(
                        call,
                        "The email cannot be sent because no SMTP server was specified. You \
                         must specify an SMTP server by using either the SmtpServer parameter \
                         or the $PSEmailServer variable."
                            .to_owned(),
                        "SmtpServerNotSpecified",
                        ErrorCategory::InvalidArgument,
                    )
                    .with_reason("InvalidOperationException")
                })?,
        };
        let port = match call.get_optional::<i32>("Port")? {
            None => 25,
            Some(port) => u16::try_from(port).ok().filter(|p| *p > 0).ok_or_else(|| {
                mail_error(
                    call,
                    format!("The port {port} is not a TCP port (1 to 65535)."),
                    "InvalidPort",
                    ErrorCategory::InvalidArgument,
                )
                .with_span(call.span_of("Port"))
            })?,
        };
        let priority = match call.get_optional::<String>("Priority")? {
            None => None,
            Some(p) if p.eq_ignore_ascii_case("Normal") => None,
            Some(p) if p.eq_ignore_ascii_case("High") => Some("1"),
            Some(p) if p.eq_ignore_ascii_case("Low") => Some("5"),
            Some(p) => {
                return Err(mail_error(
                    call,
                    format!(
                        "Cannot bind parameter 'Priority'. Cannot convert value \"{p}\" to type \
                         \"System.Net.Mail.MailPriority\". Error: \"Unable to match the \
                         identifier name {p} to a valid enumerator name. Specify one of the \
                         following enumerator names and try again:\nNormal, Low, High\""
                    ),
                    "CannotConvertArgumentNoMessage",
                    ErrorCategory::InvalidArgument,
                )
                .with_reason("ParameterBindingException")
                .with_span(call.span_of("Priority")));
            }
        };
        let mut attachments = Vec::new();
        for path in call
            .get_optional::<Vec<String>>("Attachments")?
            .unwrap_or_default()
        {
            match std::fs::read(shell_engine::file_path(&path)) {
                Ok(bytes) => {
                    let name = std::path::Path::new(&path)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| path.clone());
                    attachments.push((name, bytes));
                }
                Err(_) => {
                    return Err(mail_error(
                        call,
                        format!("Cannot find path '{path}' because it does not exist."),
                        "PathNotFound",
                        ErrorCategory::ObjectNotFound,
                    )
                    .with_reason("ItemNotFoundException")
                    .with_target_text(&path, "String")
                    .with_span(call.span_of("Attachments")));
                }
            }
        }
        let message = Message {
            from: call.get("From")?,
            to: call.get("To")?,
            cc: call.get_optional("Cc")?.unwrap_or_default(),
            bcc: call.get_optional("Bcc")?.unwrap_or_default(),
            subject: call.get("Subject")?,
            body: call.get_optional("Body")?.unwrap_or_default(),
            html: call.switch("BodyAsHtml"),
            priority,
            attachments,
            date: cx.now(),
        };
        let credential = call.value("Credential").and_then(credential_of);
        let credential = credential
            .as_ref()
            .map(|(user, password)| (user.as_str(), password.as_str()));
        if let Err(SmtpError(reason)) = send(&server, port, credential, &message) {
            cx.write_error(
                mail_error(
                    call,
                    reason,
                    "SmtpException",
                    ErrorCategory::InvalidOperation,
                )
                .with_reason("SmtpException")
                .with_target_text(&server, "String"),
            );
        }
        Ok(())
    }
}
