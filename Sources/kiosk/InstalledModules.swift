import EventCheckIn
import KioskCore
import KioskWeb
import LibraryLending
import Scholarships
import TalentClasses

/// The domain modules compiled into this binary, in the order their tiles appear.
enum InstalledModules {
    static let all: [any KioskModule] = [TalentClassesModule(), EventCheckInModule(), LibraryLendingModule(), ScholarshipsModule()]
}
