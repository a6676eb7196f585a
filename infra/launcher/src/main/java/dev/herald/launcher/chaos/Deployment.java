package dev.herald.launcher.chaos;

import dev.herald.launcher.HeraldService;
import dev.herald.launcher.PlatformSettings;

import java.util.List;

/** A running platform as the traffic and the audit see it: where its services answer. */
public interface Deployment extends AutoCloseable {

    PlatformSettings settings();

    /** The base URLs of the instances of one service, in instance order. */
    List<String> urls(HeraldService service);

    String kafkaBootstrap();

    @Override
    void close();
}
