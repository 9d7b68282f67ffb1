package calendar

import "time"

// Names of the Chinese public holidays.
const (
	cnNewYear     = "New Year's Day (元旦)"
	cnSpring      = "Spring Festival (春节)"
	cnQingming    = "Qingming Festival (清明节)"
	cnLabour      = "Labour Day (劳动节)"
	cnDragonBoat  = "Dragon Boat Festival (端午节)"
	cnMidAutumn   = "Mid-Autumn Festival (中秋节)"
	cnNational    = "National Day (国庆节)"
	cnNationalMid = "National Day and Mid-Autumn Festival (国庆节、中秋节)"
)

func cnSpan(fy int, fm time.Month, fd int, ty int, tm time.Month, td int, name string) span {
	return span{ymd{fy, fm, fd}, ymd{ty, tm, td}, name}
}

// chinaTable holds the State Council's annual holiday arrangements, one entry
// per year, transcribed from the notices of the General Office of the State
// Council on the arrangement of certain holidays (国务院办公厅关于…年部分节假日
// 安排的通知). Holidays are the published days off (放假调休), weekend days
// included; working lists the weekend days declared working days (调休上班).
// Days outside 2019 to 2026 that a notice mentions (such as 29 to 31 December
// 2018) are kept for fidelity and ignored, as the calendar covers only 2019
// to 2026.
//
// Every year, 2019 to 2026, has been checked day by day (days off and
// make-up working days) and matches; each year's comment gives the source.
// 2019 and 2020 were checked against the NateScarlet/holiday-cn data files
// 2019.json and 2020.json, which are transcribed from the notices they
// name; 2021 to 2025 against that project's holiday-cn.ics, generated from
// the same notices; 2026 against the full text of the notice as published
// by Xinhua. The document numbers in the sources were not all compared: the
// dates were. No notice for 2027 was found, so the table stops at 2026.
var chinaTable = []yearData{
	{
		// Checked against https://github.com/NateScarlet/holiday-cn 2019.json,
		// from http://www.gov.cn/zhengce/content/2018-12/06/content_5346276.htm
		// and the Labour Day revision
		// http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm.
		year:   2019,
		source: "国办发明电〔2018〕15号, Labour Day revised in March 2019",
		holidays: []span{
			cnSpan(2018, time.December, 30, 2019, time.January, 1, cnNewYear),
			cnSpan(2019, time.February, 4, 2019, time.February, 10, cnSpring),
			cnSpan(2019, time.April, 5, 2019, time.April, 7, cnQingming),
			cnSpan(2019, time.May, 1, 2019, time.May, 4, cnLabour),
			cnSpan(2019, time.June, 7, 2019, time.June, 9, cnDragonBoat),
			cnSpan(2019, time.September, 13, 2019, time.September, 15, cnMidAutumn),
			cnSpan(2019, time.October, 1, 2019, time.October, 7, cnNational),
		},
		working: []ymd{
			{2018, time.December, 29},
			{2019, time.February, 2}, {2019, time.February, 3},
			{2019, time.April, 28}, {2019, time.May, 5},
			{2019, time.September, 29}, {2019, time.October, 12},
		},
	},
	{
		// The Spring Festival holiday was extended to 2 February by
		// 国办发明电〔2020〕1号, which also cancelled the make-up working
		// day of Saturday 1 February. Checked against NateScarlet/holiday-cn
		// 2020.json, from
		// http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm
		// and http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm.
		year:   2020,
		source: "国办发明电〔2019〕16号; 国办发明电〔2020〕1号",
		holidays: []span{
			cnSpan(2020, time.January, 1, 2020, time.January, 1, cnNewYear),
			cnSpan(2020, time.January, 24, 2020, time.February, 2, cnSpring),
			cnSpan(2020, time.April, 4, 2020, time.April, 6, cnQingming),
			cnSpan(2020, time.May, 1, 2020, time.May, 5, cnLabour),
			cnSpan(2020, time.June, 25, 2020, time.June, 27, cnDragonBoat),
			cnSpan(2020, time.October, 1, 2020, time.October, 8, cnNationalMid),
		},
		working: []ymd{
			{2020, time.January, 19},
			{2020, time.April, 26}, {2020, time.May, 9},
			{2020, time.June, 28},
			{2020, time.September, 27}, {2020, time.October, 10},
		},
	},
	{
		// Checked against NateScarlet/holiday-cn holiday-cn.ics; notice at
		// http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm.
		year:   2021,
		source: "国办发明电〔2020〕27号",
		holidays: []span{
			cnSpan(2021, time.January, 1, 2021, time.January, 3, cnNewYear),
			cnSpan(2021, time.February, 11, 2021, time.February, 17, cnSpring),
			cnSpan(2021, time.April, 3, 2021, time.April, 5, cnQingming),
			cnSpan(2021, time.May, 1, 2021, time.May, 5, cnLabour),
			cnSpan(2021, time.June, 12, 2021, time.June, 14, cnDragonBoat),
			cnSpan(2021, time.September, 19, 2021, time.September, 21, cnMidAutumn),
			cnSpan(2021, time.October, 1, 2021, time.October, 7, cnNational),
		},
		working: []ymd{
			{2021, time.February, 7}, {2021, time.February, 20},
			{2021, time.April, 25}, {2021, time.May, 8},
			{2021, time.September, 18},
			{2021, time.September, 26}, {2021, time.October, 9},
		},
	},
	{
		// Checked against NateScarlet/holiday-cn holiday-cn.ics.
		year:   2022,
		source: "国办发明电〔2021〕11号",
		holidays: []span{
			cnSpan(2022, time.January, 1, 2022, time.January, 3, cnNewYear),
			cnSpan(2022, time.January, 31, 2022, time.February, 6, cnSpring),
			cnSpan(2022, time.April, 3, 2022, time.April, 5, cnQingming),
			cnSpan(2022, time.April, 30, 2022, time.May, 4, cnLabour),
			cnSpan(2022, time.June, 3, 2022, time.June, 5, cnDragonBoat),
			cnSpan(2022, time.September, 10, 2022, time.September, 12, cnMidAutumn),
			cnSpan(2022, time.October, 1, 2022, time.October, 7, cnNational),
		},
		working: []ymd{
			{2022, time.January, 29}, {2022, time.January, 30},
			{2022, time.April, 2},
			{2022, time.April, 24}, {2022, time.May, 7},
			{2022, time.October, 8}, {2022, time.October, 9},
		},
	},
	{
		// Checked against NateScarlet/holiday-cn holiday-cn.ics; notice at
		// http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm.
		year:   2023,
		source: "国办发明电〔2022〕16号",
		holidays: []span{
			cnSpan(2022, time.December, 31, 2023, time.January, 2, cnNewYear),
			cnSpan(2023, time.January, 21, 2023, time.January, 27, cnSpring),
			cnSpan(2023, time.April, 5, 2023, time.April, 5, cnQingming),
			cnSpan(2023, time.April, 29, 2023, time.May, 3, cnLabour),
			cnSpan(2023, time.June, 22, 2023, time.June, 24, cnDragonBoat),
			cnSpan(2023, time.September, 29, 2023, time.October, 6, cnNationalMid),
		},
		working: []ymd{
			{2023, time.January, 28}, {2023, time.January, 29},
			{2023, time.April, 23}, {2023, time.May, 6},
			{2023, time.June, 25},
			{2023, time.October, 7}, {2023, time.October, 8},
		},
	},
	{
		// Checked against NateScarlet/holiday-cn holiday-cn.ics; notice at
		// https://www.gov.cn/zhengce/content/202310/content_6911527.htm.
		year:   2024,
		source: "国办发明电〔2023〕7号",
		holidays: []span{
			cnSpan(2024, time.January, 1, 2024, time.January, 1, cnNewYear),
			cnSpan(2024, time.February, 10, 2024, time.February, 17, cnSpring),
			cnSpan(2024, time.April, 4, 2024, time.April, 6, cnQingming),
			cnSpan(2024, time.May, 1, 2024, time.May, 5, cnLabour),
			cnSpan(2024, time.June, 10, 2024, time.June, 10, cnDragonBoat),
			cnSpan(2024, time.September, 15, 2024, time.September, 17, cnMidAutumn),
			cnSpan(2024, time.October, 1, 2024, time.October, 7, cnNational),
		},
		working: []ymd{
			{2024, time.February, 4}, {2024, time.February, 18},
			{2024, time.April, 7},
			{2024, time.April, 28}, {2024, time.May, 11},
			{2024, time.September, 14},
			{2024, time.September, 29}, {2024, time.October, 12},
		},
	},
	{
		// Checked against NateScarlet/holiday-cn holiday-cn.ics and 2025.ics;
		// notice at https://www.gov.cn/zhengce/content/202411/content_6986382.htm.
		year:   2025,
		source: "国办发明电〔2024〕12号",
		holidays: []span{
			cnSpan(2025, time.January, 1, 2025, time.January, 1, cnNewYear),
			cnSpan(2025, time.January, 28, 2025, time.February, 4, cnSpring),
			cnSpan(2025, time.April, 4, 2025, time.April, 6, cnQingming),
			cnSpan(2025, time.May, 1, 2025, time.May, 5, cnLabour),
			cnSpan(2025, time.May, 31, 2025, time.June, 2, cnDragonBoat),
			cnSpan(2025, time.October, 1, 2025, time.October, 8, cnNationalMid),
		},
		working: []ymd{
			{2025, time.January, 26}, {2025, time.February, 8},
			{2025, time.April, 27},
			{2025, time.September, 28}, {2025, time.October, 11},
		},
	},
	{
		// Checked against the notice of 4 November 2025 as published by
		// Xinhua, https://politics.gmw.cn/2025-11/04/content_38391083.htm;
		// gov.cn address https://www.gov.cn/zhengce/content/202511/content_7047090.htm.
		year:   2026,
		source: "国办发明电〔2025〕7号",
		holidays: []span{
			cnSpan(2026, time.January, 1, 2026, time.January, 3, cnNewYear),
			cnSpan(2026, time.February, 15, 2026, time.February, 23, cnSpring),
			cnSpan(2026, time.April, 4, 2026, time.April, 6, cnQingming),
			cnSpan(2026, time.May, 1, 2026, time.May, 5, cnLabour),
			cnSpan(2026, time.June, 19, 2026, time.June, 21, cnDragonBoat),
			cnSpan(2026, time.September, 25, 2026, time.September, 27, cnMidAutumn),
			cnSpan(2026, time.October, 1, 2026, time.October, 7, cnNational),
		},
		working: []ymd{
			{2026, time.January, 4},
			{2026, time.February, 14}, {2026, time.February, 28},
			{2026, time.May, 9},
			{2026, time.September, 20}, {2026, time.October, 10},
		},
	},
}

var chinaSpec = tableSpec("China (State Council)", chinaTable)

// China returns the calendar of official working days in mainland China as
// set each year by the State Council's holiday arrangement: the public
// holidays (New Year's Day, Spring Festival, Qingming, Labour Day, Dragon
// Boat, Mid-Autumn and National Day) with the days off around them, and the
// make-up working days (调休上班) that turn some Saturdays and Sundays into
// working days. A weekday-plus-holiday rule cannot express those, so the
// calendar is a table, transcribed from the notices of the General Office of
// the State Council for 2019 to 2026 (the 2020 Spring Festival as extended in
// January 2020) and checked day by day against them; it covers those years
// only.
func China() Calendar { return Calendar{chinaSpec} }
