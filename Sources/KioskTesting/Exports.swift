// The test kit brings the composed service into every test target, as HummingbirdTesting does.
@_exported import KioskCore
@_exported import KioskWeb
