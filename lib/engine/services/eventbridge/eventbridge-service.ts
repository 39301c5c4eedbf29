import { AwsError } from "../../aws/errors";
import type { Simulation } from "../../simulation";

export interface BusEvent {
  version: "0";
  id: string;
  "detail-type": string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

export interface Bus {
  name: string;
  arn: string;
  events: { at: number; event: BusEvent }[];
}

/**
 * EventBridge buses that record what they receive (destinations may target a bus, §2.3).
 * Rules and targets are not modelled: labs read the recorded events.
 */
export class EventBridgeService {
  readonly buses = new Map<string, Bus>();

  constructor(private readonly sim: Simulation) {
    this.buses.set("default", { name: "default", arn: this.arn("default"), events: [] });
  }

  arn(name: string): string {
    return `arn:aws:events:${this.sim.region}:${this.sim.accountId}:event-bus/${name}`;
  }

  byArn(arn: string): Bus | undefined {
    const m = /^arn:aws:events:([^:]+):(\d{12}):event-bus\/(.+)$/.exec(arn);
    if (!m || m[1] !== this.sim.region || m[2] !== this.sim.accountId) return undefined;
    return this.buses.get(m[3]);
  }

  byNameOrArn(ref: string | undefined): Bus | undefined {
    if (ref === undefined) return this.buses.get("default");
    return ref.startsWith("arn:") ? this.byArn(ref) : this.buses.get(ref);
  }

  create(name: string): Bus {
    if (!/^[/.\-_A-Za-z0-9]{1,256}$/.test(name) || name === "default") {
      throw new AwsError("ValidationException", `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+`, 400);
    }
    if (this.buses.has(name)) throw new AwsError("ResourceAlreadyExistsException", `Event bus ${name} already exists.`, 400);
    const bus: Bus = { name, arn: this.arn(name), events: [] };
    this.buses.set(name, bus);
    return bus;
  }

  put(bus: Bus, source: string, detailType: string, detail: unknown, resources: string[]): BusEvent {
    const sim = this.sim;
    const event: BusEvent = {
      version: "0",
      id: sim.ids.uuid(),
      "detail-type": detailType,
      source,
      account: sim.accountId,
      time: sim.iso().replace(/\.\d{3}Z$/, "Z"),
      region: sim.region,
      resources,
      detail,
    };
    bus.events.push({ at: sim.clock.now, event });
    sim.recorder.timeline(sim.clock.now, "bus-event", `${bus.name}/${event.id}`);
    return event;
  }

  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const b of this.buses.values()) if (b.name !== "default" || b.events.length > 0) out[b.name] = { arn: b.arn, events: b.events };
    return out;
  }
}
