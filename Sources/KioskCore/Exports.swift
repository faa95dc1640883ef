// KioskCore re-exports GRDB so that a domain module can declare its records and migrations and run
// queries inside the transactions the host hands it, without importing a database package itself.
// Modules never open a database: they receive a `Database` from `AppDatabase` or a contract call.
@_exported import GRDB
