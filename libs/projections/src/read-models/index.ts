export * from './agents/agents.projection';
export * from './domain-event';
export * from './register/register.projection';
export * from './register/register.queries';
