package dev.herald.searchbench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void theEmbeddedIndexAloneIsMeasuredUnlessABackendIsNamed() {
        assertThat(Options.parse(new String[]{"--articles=2000"}).targets()).containsExactly(Target.EMBEDDED);
    }

    @Test
    void theEngineRunsOnOneNodeWithoutReplicasOrOnTwoWithOneReplicaOfEachShard() {
        Target one = Options.parse(new String[]{"--backend=opensearch"}).targets().getFirst();
        Target two = Options.parse(new String[]{"--backend=opensearch", "--nodes=2"}).targets().getFirst();

        assertThat(one.nodes()).isEqualTo(1);
        assertThat(one.replicas()).isZero();
        assertThat(two.nodes()).isEqualTo(2);
        assertThat(two.replicas()).isEqualTo(1);
        assertThat(two.level()).isEqualTo("HTTP, OpenSearch, 2 nodes");
    }

    @Test
    void bothMeansTheEmbeddedIndexThenTheEngineAtOneNodeAndAtTwo() {
        assertThat(Options.parse(new String[]{"--backend=both"}).targets()).extracting(Target::nodes).containsExactly(0, 1, 2);
    }

    @Test
    void nodesWithoutTheEngineOrBeyondTwoAreRefused() {
        assertThatThrownBy(() -> Options.parse(new String[]{"--nodes=2"})).hasMessageContaining("--backend=opensearch");
        assertThatThrownBy(() -> Options.parse(new String[]{"--backend=opensearch", "--nodes=3"})).hasMessageContaining("1 or 2");
        assertThatThrownBy(() -> Options.parse(new String[]{"--backend=solr"})).hasMessageContaining("embedded, opensearch or both");
    }
}
