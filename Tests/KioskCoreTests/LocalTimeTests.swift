import Foundation
import KioskCore
import Testing

@Suite struct LocalTimeTests {
    @Test func clockReadsTheTimeInVietnam() {
        // 2026-11-23 01:05 UTC is 08:05 in Hà Nội; 17:00 UTC the day before is midnight.
        #expect(LocalTime.clock(Date(timeIntervalSince1970: 1_795_395_900)) == "08:05")
        #expect(LocalTime.clock(Date(timeIntervalSince1970: 1_795_366_800)) == "00:00")
        #expect(LocalTime.clock(Date(timeIntervalSince1970: 1_795_366_799)) == "23:59")
    }

    @Test func clockAgreesWithTheCalendarAcrossDays() {
        // Every 7 minutes and 13 seconds over three days, also before 1970.
        for start in [1_795_300_000.0, -86_400.0 * 400] {
            for step in 0..<600 {
                let date = Date(timeIntervalSince1970: start + Double(step) * 433)
                let parts = KioskClock.calendar.dateComponents([.hour, .minute], from: date)
                #expect(LocalTime.clock(date) == String(format: "%02d:%02d", parts.hour!, parts.minute!))
            }
        }
    }
}
