package dev.herald.moderation.workflow;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

interface WorkflowRepository extends MongoRepository<Workflow, String> {

    Optional<Workflow> findByChannelAndUnit(String channel, String unit);
}
