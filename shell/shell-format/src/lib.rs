//! Format-List, Format-Table and error rendering in the Windows PowerShell 5.1 layout.
