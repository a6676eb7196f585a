package dev.herald.searchengine;

import dev.herald.searchengine.analysis.HeraldAnalysisPlugin;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.MockNode;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4ModulePlugin;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One OpenSearch node in this JVM, its plugins from the class path rather than a distribution's plugin folder
 * (the test framework's {@link MockNode} is the node that accepts them; none of its mocks is enabled, so
 * the node is a real one: Netty HTTP and transport, real shards and recovery). Arguments are OpenSearch
 * settings, {@code key=value} or {@code -Ekey=value}, for instance
 * {@code path.home=/tmp/n1 node.name=n1 http.port=9201 transport.port=9301
 * discovery.seed_hosts=127.0.0.1:9301,127.0.0.1:9302 cluster.initial_cluster_manager_nodes=n1,n2}.
 * A line {@code herald-search-engine started} on standard output says the node is up; it stops on SIGTERM.
 */
public final class SearchEngineNode {

    public static final String STARTED = "herald-search-engine started";

    static final List<Class<? extends Plugin>> PLUGINS =
        List.of(Netty4ModulePlugin.class, CommonAnalysisModulePlugin.class, HeraldAnalysisPlugin.class);

    private SearchEngineNode() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = settings(args);
        Node node = new MockNode(settings, PLUGINS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "herald-search-engine-stop"));
        node.start();
        System.out.println(STARTED + " " + settings.get("node.name") + " http " + settings.get("http.port"));
        new CountDownLatch(1).await();
    }

    static Settings settings(String[] args) {
        Settings.Builder settings = Settings.builder()
            .put("cluster.name", "herald-search")
            .put("network.host", "127.0.0.1")
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            // a developer's or CI's nearly full disk must not keep replicas unassigned
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        for (String arg : args) {
            String setting = arg.startsWith("-E") ? arg.substring(2) : arg;
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("not a setting (key=value): " + arg);
            }
            settings.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        if (settings.get("path.home") == null) {
            throw new IllegalArgumentException("path.home=DIR is required (the node's data goes under it)");
        }
        return settings.build();
    }
}
