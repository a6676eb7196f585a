package dev.herald.moderation.workflow;

import dev.herald.support.web.ConflictException;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps the workflows and tells the review which stages a newly arrived report goes through. */
@Service
public class WorkflowService {

    private final WorkflowRepository workflows;
    private final Clock clock;

    WorkflowService(WorkflowRepository workflows, Clock clock) {
        this.workflows = workflows;
        this.clock = clock;
    }

    /** The unit's own workflow in the channel, else the channel's, else the single stage of old. */
    public Route routeFor(String channel, String unit) {
        if (channel == null) {
            return Route.SINGLE;
        }
        return (unit == null ? java.util.Optional.<Workflow>empty() : workflows.findByChannelAndUnit(channel, unit))
                .or(() -> workflows.findByChannelAndUnit(channel, null))
                .map(Workflow::route)
                .orElse(Route.SINGLE);
    }

    /** Creates or replaces; returns whether it was new. Reports already in review keep the stages they entered with. */
    boolean put(String name, WorkflowRequest request, String by) {
        List<Stage> stages = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.stages().size(); i++) {
            Stage stage = request.stages().get(i).stage();
            check("stages[" + i + "]", stage);
            Integer earlier = seen.putIfAbsent(stage.name(), i);
            if (earlier != null) {
                throw new InvalidRequestException("stages[" + i + "].name", "repeats stage " + earlier + " (" + stage.name() + ")");
            }
            stages.add(stage);
        }
        Stage escalation = request.escalation() == null ? Stage.SIGN_OFF : request.escalation().stage();
        check("escalation", escalation);
        if (seen.containsKey(escalation.name())) {
            throw new InvalidRequestException("escalation.name", "repeats stage " + seen.get(escalation.name())
                    + " (" + escalation.name() + ")");
        }
        String unit = request.unit() == null ? null : request.unit().strip();
        boolean created = !workflows.existsById(name);
        try {
            workflows.save(new Workflow(name, request.channel().strip(), unit, stages, escalation, clock.instant(), by));
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("another workflow already covers channel " + request.channel()
                    + (unit == null ? "" : " and unit " + unit));
        }
        return created;
    }

    private static void check(String field, Stage stage) {
        if (!Roles.DECIDING.contains(stage.role())) {
            throw new InvalidRequestException(field + ".role", "is not a deciding role: one of " + String.join(", ", Roles.DECIDING));
        }
    }

    List<Workflow> all() {
        return workflows.findAll(Sort.by("channel", "unit", "_id"));
    }

    Workflow get(String name) {
        return workflows.findById(name).orElseThrow(() -> new NotFoundException("workflow", name));
    }

    void delete(String name) {
        workflows.delete(get(name));
    }
}
