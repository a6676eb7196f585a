package dev.herald.corpus;

import java.util.List;
import java.util.Locale;

/** What sort of unit writes a report, which decides the channels it writes in. */
enum UnitKind {
    HOSPITAL("医院新闻"),
    COMMUNITY("社区动态"),
    SCHOOL("校园新闻"),
    GOVERNMENT("社区动态");

    private final List<String> channels;

    UnitKind(String ownChannel) {
        // every unit writes in the six common channels, and each kind in one of its own
        this.channels = List.of("党建新闻", "党建动态", "工作动态", "党建案例", "廉政教育", "通知公告", ownChannel);
    }

    List<String> channels() {
        return channels;
    }

    static UnitKind named(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
