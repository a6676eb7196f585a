package dev.herald.corpus;

/** A contributing unit, the institution its reports name, and the city it is in. */
record Unit(String name, UnitKind kind, String institution, String city) {
}
