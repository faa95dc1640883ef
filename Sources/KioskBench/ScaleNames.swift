/// Vietnamese names as a centre's register has them: surnames weighted like Vietnam's (Nguyễn about
/// 40 %), the common middle and given names of boys and girls.
enum ScaleNames {
    /// Shares of the population in per cent, roughly as published; the tail are the rare ones.
    static let surnames = Weighted<String>([
        ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.1), ("Hoàng", 3.1), ("Huỳnh", 2.0), ("Phan", 4.5),
        ("Vũ", 2.0), ("Võ", 1.9), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0),
        ("Lý", 0.5), ("Đinh", 0.6), ("Trương", 0.5), ("Đoàn", 0.4), ("Trịnh", 0.4), ("Lâm", 0.3), ("Mai", 0.3),
        ("Cao", 0.3), ("Lương", 0.3), ("Lưu", 0.2), ("Hà", 0.2), ("Tạ", 0.2), ("Châu", 0.2), ("Thái", 0.2), ("Tô", 0.2),
        ("Triệu", 0.1), ("Quách", 0.1), ("Kiều", 0.1), ("Tăng", 0.1), ("La", 0.1), ("Khổng", 0.05), ("Mạc", 0.05),
        ("Ông", 0.05), ("Âu", 0.03),
    ])

    static let boyMiddle = Weighted<String>([
        ("Văn", 20), ("Minh", 14), ("Gia", 10), ("Bảo", 8), ("Đức", 8), ("Quốc", 7), ("Hoàng", 6), ("Anh", 6),
        ("Tuấn", 4), ("Hữu", 5), ("Thành", 4), ("Nhật", 4), ("Đăng", 4),
    ])

    static let girlMiddle = Weighted<String>([
        ("Thị", 20), ("Ngọc", 14), ("Bảo", 8), ("Gia", 7), ("Minh", 7), ("Thu", 6), ("Khánh", 6), ("Phương", 5),
        ("Thanh", 5), ("Mai", 4), ("Hoài", 3), ("Quỳnh", 4), ("Thảo", 4),
    ])

    static let boyGiven = Weighted<String>([
        ("An", 6), ("Bình", 4), ("Dũng", 4), ("Hùng", 4), ("Khang", 6), ("Nam", 6), ("Phúc", 6), ("Quân", 5), ("Huy", 6),
        ("Khoa", 4), ("Long", 5), ("Minh", 7), ("Phát", 4), ("Tuấn", 4), ("Đạt", 4), ("Bảo", 5), ("Khôi", 5), ("Duy", 4),
        ("Hiếu", 3), ("Lâm", 3), ("Kiên", 2), ("Thịnh", 2), ("Vinh", 2), ("Sơn", 2), ("Hải", 3),
    ])

    static let girlGiven = Weighted<String>([
        ("Anh", 8), ("Chi", 5), ("Hà", 4), ("Linh", 7), ("Mai", 4), ("Thảo", 5), ("Trang", 5), ("Vy", 6), ("Ngân", 4),
        ("Hương", 3), ("Lan", 3), ("Nhi", 6), ("Như", 3), ("Quỳnh", 3), ("Thư", 5), ("Vân", 2), ("Yến", 2), ("Hân", 5),
        ("My", 4), ("Uyên", 3), ("Ngọc", 3), ("Trâm", 2), ("Diệp", 1), ("Tâm", 2), ("Hoa", 2),
    ])

    /// A full name: the surname, a middle name and a given name drawn for a boy or a girl.
    static func name(surname: String, boy: Bool, _ random: inout ScaleRandom) -> String {
        let middle = (boy ? boyMiddle : girlMiddle).draw(&random)
        let given = (boy ? boyGiven : girlGiven).draw(&random)
        return "\(surname) \(middle) \(given)"
    }
}
