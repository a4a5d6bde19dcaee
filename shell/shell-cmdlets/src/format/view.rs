//! Declared views (spec §7.11): our replacement for Format.ps1xml, registered by type name.

use shell_engine::Value;
use shell_format::Align;

/// Where a view column or list item takes its value from.
#[derive(Clone, Copy, Debug)]
pub enum ViewValue {
    /// A property of the object, by name (case-insensitive).
    Property(&'static str),
    /// A value computed from the whole object (for example Exchange's compact services).
    Computed(fn(&Value) -> Value),
}

impl ViewValue {
    /// The value of this column for one object (`$null` when the property is missing).
    pub fn of(&self, object: &Value) -> Value {
        match self {
            ViewValue::Property(name) => object.property(name).unwrap_or(Value::Null),
            ViewValue::Computed(f) => f(object),
        }
    }
}

/// One column of a [`TableView`].
#[derive(Clone, Debug)]
pub struct TableViewColumn {
    /// The header label.
    pub label: &'static str,
    /// A fixed width, or `None` to size from the content.
    pub width: Option<usize>,
    /// A fixed alignment, or `None` to align by the first row's value.
    pub align: Option<Align>,
    /// The cell value.
    pub value: ViewValue,
}

impl TableViewColumn {
    /// A column showing a property, sized and aligned from its content.
    pub fn property(name: &'static str) -> Self {
        TableViewColumn {
            label: name,
            width: None,
            align: None,
            value: ViewValue::Property(name),
        }
    }

    /// A column computed from the object.
    pub fn computed(label: &'static str, f: fn(&Value) -> Value) -> Self {
        TableViewColumn {
            label,
            width: None,
            align: None,
            value: ViewValue::Computed(f),
        }
    }

    /// Builder: a fixed width.
    pub fn width(mut self, width: usize) -> Self {
        self.width = Some(width);
        self
    }

    /// Builder: a fixed alignment.
    pub fn align(mut self, align: Align) -> Self {
        self.align = Some(align);
        self
    }
}

/// A table view: its columns, left to right, and how its rows are grouped.
#[derive(Clone, Debug)]
pub struct TableView {
    /// The columns.
    pub columns: Vec<TableViewColumn>,
    /// Format.ps1xml's `GroupBy`: consecutive objects with the same group value share a
    /// table under a group header.
    pub group_by: Option<ViewGroup>,
    /// Format.ps1xml's `AutoSize`: columns sized to the rows of each table (a group's rows, or
    /// the rows of one statement), with no spare width spread over them.
    pub auto_size: bool,
}

/// The `GroupBy` of a table view.
#[derive(Clone, Copy, Debug)]
pub struct ViewGroup {
    /// The header's label (`PSParentPath`, `Directory`).
    pub label: &'static str,
    /// The group value of an object.
    pub value: ViewValue,
    /// A custom control (the FileSystem provider's `    Directory: …` frame, two blank lines
    /// after it) rather than the standard `   Label: value` header (one blank line after it).
    pub custom: bool,
}

/// One line of a [`ListView`].
#[derive(Clone, Debug)]
pub struct ListViewItem {
    /// The label.
    pub label: &'static str,
    /// The value.
    pub value: ViewValue,
}

/// A list view: its items, top to bottom.
#[derive(Clone, Debug)]
pub struct ListView {
    /// The items.
    pub items: Vec<ListViewItem>,
    /// Format.ps1xml's `EntrySelectedBy` condition: the view applies only to the objects for
    /// which this holds (`None`: to every object of the type).
    pub when: Option<fn(&Value) -> bool>,
}

impl ListView {
    /// A list of the named properties.
    pub fn properties(names: &[&'static str]) -> Self {
        ListView {
            items: names
                .iter()
                .map(|n| ListViewItem {
                    label: n,
                    value: ViewValue::Property(n),
                })
                .collect(),
            when: None,
        }
    }

    /// Builder: the view applies only to objects for which `condition` holds.
    pub fn when(mut self, condition: fn(&Value) -> bool) -> Self {
        self.when = Some(condition);
        self
    }

    /// Whether the view applies to `object`.
    pub fn applies_to(&self, object: &Value) -> bool {
        self.when.is_none_or(|condition| condition(object))
    }
}

/// A view of one of the shapes.
#[derive(Clone, Debug)]
pub enum View {
    /// A table.
    Table(TableView),
    /// A list.
    List(ListView),
    /// Format.ps1xml's CustomControl: each object as its own lines of text.
    Custom(CustomView),
}

/// A custom view: the text of one object (one or more lines).
#[derive(Clone, Copy, Debug)]
pub struct CustomView {
    /// The object's text.
    pub text: fn(&Value) -> String,
}

#[derive(Clone, Debug)]
struct TypeViews {
    type_name: String,
    views: Vec<View>,
    default_display: Option<Vec<String>>,
}

/// The views registered by type name (the first registered view is Out-Default's).
#[derive(Clone, Debug, Default)]
pub struct Views {
    types: Vec<TypeViews>,
}

impl Views {
    /// No views.
    pub fn new() -> Self {
        Self::default()
    }

    fn entry(&mut self, type_name: &str) -> &mut TypeViews {
        let index = match self
            .types
            .iter()
            .position(|t| t.type_name.eq_ignore_ascii_case(type_name))
        {
            Some(i) => i,
            None => {
                self.types.push(TypeViews {
                    type_name: type_name.to_string(),
                    views: Vec::new(),
                    default_display: None,
                });
                self.types.len() - 1
            }
        };
        &mut self.types[index]
    }

    fn lookup(&self, type_name: &str) -> Option<&TypeViews> {
        self.types
            .iter()
            .find(|t| t.type_name.eq_ignore_ascii_case(type_name))
    }

    /// Registers a view for a type name (call order decides which view is the default).
    pub fn register(&mut self, type_name: &str, view: View) {
        self.entry(type_name).views.push(view);
    }

    /// Declares the default display property set of a type (spec §7.2 rule 4).
    pub fn set_default_display(&mut self, type_name: &str, properties: &[&str]) {
        self.entry(type_name).default_display =
            Some(properties.iter().map(|p| p.to_string()).collect());
    }

    /// The first registered view of a type.
    pub fn first(&self, type_name: &str) -> Option<&View> {
        self.lookup(type_name).and_then(|t| t.views.first())
    }

    /// The registered table view of a type.
    pub fn table(&self, type_name: &str) -> Option<&TableView> {
        self.lookup(type_name)?.views.iter().find_map(|v| match v {
            View::Table(t) => Some(t),
            View::List(_) | View::Custom(_) => None,
        })
    }

    /// The registered list view of a type.
    pub fn list(&self, type_name: &str) -> Option<&ListView> {
        self.lookup(type_name)?.views.iter().find_map(|v| match v {
            View::List(l) => Some(l),
            View::Table(_) | View::Custom(_) => None,
        })
    }

    /// The list view Format-List uses for `object`: the first list view that applies to it,
    /// looked up along its type names (most specific first), as PowerShell walks the type
    /// hierarchy.
    pub fn list_for(&self, object: &Value) -> Option<&ListView> {
        super::display::type_names(object).iter().find_map(|t| {
            self.lookup(t)?.views.iter().find_map(|v| match v {
                View::List(l) if l.applies_to(object) => Some(l),
                _ => None,
            })
        })
    }

    /// The default display property set of a type.
    pub fn default_display(&self, type_name: &str) -> Option<&[String]> {
        self.lookup(type_name)?.default_display.as_deref()
    }

    /// The registered type names, in registration order.
    pub fn type_names(&self) -> Vec<&str> {
        self.types.iter().map(|t| t.type_name.as_str()).collect()
    }
}
