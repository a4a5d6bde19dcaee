//! Certificate selection: which certificate SMTP, X-AnonymousTLS, POP3, IMAP4, UM or IIS would pick, and why every other candidate lost.
