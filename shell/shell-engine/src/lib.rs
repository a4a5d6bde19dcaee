//! The shell engine: values and objects, pipelines, the parameter binder, the Cmdlet trait, error records and the Host.
