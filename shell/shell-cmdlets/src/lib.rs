//! All cmdlets of certsh: built-ins and the Exchange certificate cmdlets, their registry, views and messages.
