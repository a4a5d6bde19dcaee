//! Get-Item: the item at a path itself, not its children, on the two providers Get-ChildItem
//! knows: a certificate (`Cert:\LocalMachine\My\<thumbprint>`), a store or the machine
//! location on the `Cert:` drive, or a file or directory. Wildcards in the last component
//! expand to every match; a wildcard that matches nothing is no error, as in PowerShell.

use shell_engine::{Call, Cmdlet, Context, ErrorRecord, Example, Param, Signature, Value, like};

use super::AppState;
use super::get_child_item::{
    CertPath, ProviderPath, cert_listing, expand_wildcard, file_object, has_wildcard,
    location_object, path_not_found, path_param, provider_path, store_items, store_object,
};

/// Gets the item at a `Cert:` or file-system path.
pub struct GetItem;

impl Cmdlet<AppState> for GetItem {
    fn signature(&self) -> Signature {
        Signature::new("Get-Item")
            .summary("Gets the item at a path: a certificate, a store, a file or a directory.")
            .param(path_param().mandatory())
            .param(Param::switch("Force"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-Item Cert:\\LocalMachine\\Root | Format-List Name",
            summary: "The store of the roots installed by hand, as an item.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let paths: Vec<String> = call.get("Path")?;
        for text in paths {
            match provider_path(&text) {
                ProviderPath::Cert(None) => cx.write_error(path_not_found(call, &text)),
                ProviderPath::Cert(Some(CertPath::Drive | CertPath::LocalMachine)) => {
                    cx.write_output(location_object());
                }
                ProviderPath::Cert(Some(CertPath::Store(store))) => {
                    cx.write_output(store_object(store));
                }
                ProviderPath::Cert(Some(CertPath::Item(store, name)))
                    if name.contains(['*', '?', '[']) =>
                {
                    // A wildcard matches thumbprints; no match is no error, as in PowerShell.
                    let pattern = Value::from(name.as_str());
                    for (_, object) in store_items(cx, call, store).unwrap_or_default() {
                        let child = object.property("PSChildName").unwrap_or(Value::Null);
                        if like(&child, &pattern, false) {
                            cx.write_output(object);
                        }
                    }
                }
                ProviderPath::Cert(Some(item @ CertPath::Item(..))) => {
                    for object in cert_listing(cx, call, &text, item, false) {
                        cx.write_output(object);
                    }
                }
                ProviderPath::File(path) => {
                    let targets = if has_wildcard(&path) {
                        expand_wildcard(&path, call.switch("Force")).unwrap_or_default()
                    } else {
                        vec![path.clone()]
                    };
                    for target in targets {
                        match std::fs::metadata(&target) {
                            Ok(metadata) => cx.write_output(file_object(&target, &metadata)),
                            Err(_) => cx.write_error(path_not_found(call, &text)),
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
