//! Send-MailMessage against a loopback SMTP server that the test starts: the conversation, the
//! MIME message, AUTH LOGIN, the server's refusals, and a server that is not there.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::thread::JoinHandle;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::run;

/// A one-connection SMTP server on 127.0.0.1: answers every command with `reply(command)` (the
/// DATA text with 250), records every line it reads.
fn smtp_server(reply: fn(&str) -> &'static str) -> (u16, JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("accept");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .expect("timeout");
        let mut writer = stream.try_clone().expect("clone");
        let mut reader = BufReader::new(stream);
        let mut seen = Vec::new();
        writer
            .write_all(b"220 mx.contoso.com ESMTP\r\n")
            .expect("greet");
        let mut in_data = false;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            let line = line.trim_end_matches(['\r', '\n']).to_owned();
            seen.push(line.clone());
            if in_data {
                if line == "." {
                    in_data = false;
                    writer.write_all(b"250 2.6.0 Queued\r\n").expect("queued");
                }
                continue;
            }
            let answer = reply(&line);
            writer
                .write_all(format!("{answer}\r\n").as_bytes())
                .expect("reply");
            if answer.starts_with("354") {
                in_data = true;
            }
            if line == "QUIT" || answer.starts_with('5') {
                break;
            }
        }
        seen
    });
    (port, handle)
}

fn accept_all(command: &str) -> &'static str {
    match command.split(' ').next().unwrap_or_default() {
        "EHLO" => "250-mx.contoso.com\r\n250-AUTH LOGIN\r\n250 8BITMIME",
        "AUTH" => "334 VXNlcm5hbWU6",
        "DATA" => "354 Start mail input",
        "QUIT" => "221 Bye",
        _ if command.starts_with("MAIL") || command.starts_with("RCPT") => "250 OK",
        // The Base64 user name and password after AUTH LOGIN.
        _ if command.starts_with("YWRt") => "334 UGFzc3dvcmQ6",
        _ => "235 Authenticated",
    }
}

#[test]
fn s6_send_mail_message_speaks_smtp_and_sends_mime() {
    let (port, server) = smtp_server(accept_all);
    let out = run(&format!(
        "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force; \
         $cred = New-Object System.Management.Automation.PSCredential('admin', $pw); \
         Send-MailMessage -To 'Ops <ops@contoso.com>', noc@contoso.com -Cc boss@contoso.com \
         -Bcc audit@contoso.com -From certsh@contoso.com -Subject 'Zertifikate läuft ab' \
         -Body '<b>2</b> expiring' -BodyAsHtml -SmtpServer 127.0.0.1 -Port {port} \
         -Credential $cred -Priority High; $?"
    ));
    assert_eq!(out, "True\n[EOF]\n");
    let seen = server.join().expect("server thread");
    let commands: Vec<&str> = seen.iter().map(String::as_str).collect();
    assert_eq!(commands[0], "EHLO certsh");
    assert_eq!(commands[1], "AUTH LOGIN");
    assert_eq!(commands[2], STANDARD.encode("admin"));
    assert_eq!(commands[3], STANDARD.encode("P@ssw0rd"));
    assert_eq!(commands[4], "MAIL FROM:<certsh@contoso.com>");
    assert_eq!(
        commands[5..9],
        [
            "RCPT TO:<ops@contoso.com>",
            "RCPT TO:<noc@contoso.com>",
            "RCPT TO:<boss@contoso.com>",
            "RCPT TO:<audit@contoso.com>"
        ]
    );
    assert_eq!(commands[9], "DATA");
    assert_eq!(commands.last(), Some(&"QUIT"));
    let data = &commands[10..commands.len() - 2];
    assert!(data.contains(&"To: Ops <ops@contoso.com>, noc@contoso.com"));
    assert!(data.contains(&"Cc: boss@contoso.com"));
    assert!(
        !data.iter().any(|line| line.contains("audit@")),
        "Bcc is not a header"
    );
    assert!(data.contains(&"Date: Fri, 01 Aug 2008 12:00:00 +0000"));
    assert!(data.contains(&"X-Priority: 1"));
    assert!(data.contains(&"Content-Type: text/html; charset=utf-8"));
    let subject = format!(
        "Subject: =?utf-8?B?{}?=",
        STANDARD.encode("Zertifikate läuft ab")
    );
    assert!(data.contains(&subject.as_str()), "{data:?}");
    assert!(data.contains(&STANDARD.encode("<b>2</b> expiring").as_str()));
}

#[test]
fn s6_send_mail_message_reports_the_servers_refusal_and_a_missing_server() {
    fn refuse_recipient(command: &str) -> &'static str {
        match command.split(' ').next().unwrap_or_default() {
            "EHLO" => "250 mx.contoso.com",
            "MAIL" => "250 OK",
            "RCPT" => "550 5.1.1 User unknown",
            _ => "221 Bye",
        }
    }
    let (port, server) = smtp_server(refuse_recipient);
    let out = run(&format!(
        "Send-MailMessage -To nobody@contoso.com -From certsh@contoso.com -Subject s \
         -SmtpServer 127.0.0.1 -Port {port}; $?"
    ));
    let _ = server.join();
    assert!(
        out.contains("Send-MailMessage : The server response was: 550 5.1.1 User unknown"),
        "{out}"
    );
    assert!(out.contains("FullyQualifiedErrorId : SmtpException,Send-MailMessage"));
    assert!(out.starts_with("False\n"), "{out}");
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("address").port();
    drop(closed);
    let out = run(&format!(
        "Send-MailMessage -To a@contoso.com -From b@contoso.com -Subject s -SmtpServer 127.0.0.1 -Port {port}"
    ));
    assert!(
        out.contains(&format!(
            "Unable to connect to the remote server 127.0.0.1:{port}"
        )),
        "{out}"
    );
    let out = run("Send-MailMessage -To a@contoso.com -From b@contoso.com -Subject s");
    assert!(out.contains("no SMTP server was specified"), "{out}");
    let out = run(
        "Send-MailMessage -To a@contoso.com -From b@contoso.com -Subject s -SmtpServer x -UseSsl",
    );
    assert!(out.contains("UseSsl"), "{out}");
}
