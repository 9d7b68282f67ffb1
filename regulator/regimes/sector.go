package regimes

import "fmt"

// Sector is a business sector that a regime's rules depend on: the
// seventeen sectors of the UK's mandatory notification regime, the case
// groups of the German AWV, the key sectors of China's security review,
// critical technologies for CFIUS. Each preset knows only the sectors its
// regime names and reports any other as an error wrapping
// [ErrUnknownSector]; its options document which.
//
// The zero Sector is [NoSector]: no listed sector, or not given.
type Sector int8

// The sectors.
const (
	NoSector Sector = iota // no listed sector, or not given

	// The seventeen sectors of the UK NSI Act's mandatory notification
	// regime (which also use the names for other regimes where they match).
	AdvancedMaterials             // advanced materials
	AdvancedRobotics              // advanced robotics (robotics in the German AWV)
	ArtificialIntelligence        // artificial intelligence
	CivilNuclear                  // civil nuclear
	Communications                // communications
	ComputingHardware             // computing hardware
	CriticalSuppliersToGovernment // critical suppliers to government
	CryptographicAuthentication   // cryptographic authentication
	DataInfrastructure            // data infrastructure
	Defence                       // defence and military (all regimes)
	Energy                        // energy (UK) or energy and resources (China)
	MilitaryAndDualUse            // military and dual-use
	Quantum                       // quantum technologies
	SatelliteAndSpace             // satellite and space technologies
	SuppliersToEmergencyServices  // suppliers to the emergency services
	SyntheticBiology              // synthetic biology
	Transport                     // transport

	// Sectors of other regimes.
	CriticalInfrastructure // critical infrastructure (German AWV, 10% case group)
	AutonomousDriving      // autonomous driving (German AWV, 20% case group)
	Semiconductors         // semiconductors (German AWV, 20% case group)
	Cybersecurity          // cybersecurity (German AWV, 20% case group)
	CriticalTechnology     // critical technologies (CFIUS, 31 CFR 800.401)
	Agriculture            // agriculture (China's security review)
	EquipmentManufacturing // equipment manufacturing (China's security review)
	Infrastructure         // important infrastructure (China's security review)
	Culture                // cultural products and services (China's security review)
	InformationTechnology  // information technology and internet services (China's security review)
	FinancialServices      // financial services (China's security review)
	KeyTechnology          // key technologies (China's security review)
)

var sectorNames = [...]string{
	NoSector:                      "none",
	AdvancedMaterials:             "advanced-materials",
	AdvancedRobotics:              "advanced-robotics",
	ArtificialIntelligence:        "artificial-intelligence",
	CivilNuclear:                  "civil-nuclear",
	Communications:                "communications",
	ComputingHardware:             "computing-hardware",
	CriticalSuppliersToGovernment: "critical-suppliers-to-government",
	CryptographicAuthentication:   "cryptographic-authentication",
	DataInfrastructure:            "data-infrastructure",
	Defence:                       "defence",
	Energy:                        "energy",
	MilitaryAndDualUse:            "military-and-dual-use",
	Quantum:                       "quantum",
	SatelliteAndSpace:             "satellite-and-space",
	SuppliersToEmergencyServices:  "suppliers-to-emergency-services",
	SyntheticBiology:              "synthetic-biology",
	Transport:                     "transport",
	CriticalInfrastructure:        "critical-infrastructure",
	AutonomousDriving:             "autonomous-driving",
	Semiconductors:                "semiconductors",
	Cybersecurity:                 "cybersecurity",
	CriticalTechnology:            "critical-technology",
	Agriculture:                   "agriculture",
	EquipmentManufacturing:        "equipment-manufacturing",
	Infrastructure:                "infrastructure",
	Culture:                       "culture",
	InformationTechnology:         "information-technology",
	FinancialServices:             "financial-services",
	KeyTechnology:                 "key-technology",
}

// String returns the sector's name in lower-case words joined by hyphens,
// such as "artificial-intelligence", or "Sector(n)" for a value that is not
// one of the constants.
func (s Sector) String() string {
	if s < 0 || int(s) >= len(sectorNames) {
		return fmt.Sprintf("Sector(%d)", int8(s))
	}
	return sectorNames[s]
}

// MarshalText implements [encoding.TextMarshaler] with the String form. It
// fails for a value that is not one of the constants.
func (s Sector) MarshalText() ([]byte, error) {
	if s < 0 || int(s) >= len(sectorNames) {
		return nil, fmt.Errorf("%w: sector %d", ErrInvalidOption, int8(s))
	}
	return []byte(sectorNames[s]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the String
// forms of the constants and fails with an error wrapping [ErrUnknownSector]
// otherwise.
func (s *Sector) UnmarshalText(b []byte) error {
	for i, n := range sectorNames {
		if n == string(b) {
			*s = Sector(i)
			return nil
		}
	}
	return fmt.Errorf("%w: %q", ErrUnknownSector, b)
}

// ukSectors are the seventeen sectors of the UK's mandatory notification
// regime.
var ukSectors = []Sector{
	AdvancedMaterials, AdvancedRobotics, ArtificialIntelligence, CivilNuclear,
	Communications, ComputingHardware, CriticalSuppliersToGovernment,
	CryptographicAuthentication, DataInfrastructure, Defence, Energy,
	MilitaryAndDualUse, Quantum, SatelliteAndSpace, SuppliersToEmergencyServices,
	SyntheticBiology, Transport,
}
