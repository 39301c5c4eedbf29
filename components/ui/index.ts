// UI primitives: import from "@/components/ui" so every feature looks and behaves the same
// (components/ui/README.md lists them). Markdown is imported from "@/components/ui/Markdown" on its
// own, so pages that only need a Button do not pull react-markdown into their bundle.
export { Button, ButtonLink, type ButtonProps, type ButtonVariant } from "./Button";
export { Field, SelectField, TextAreaField, controlClass, type FieldProps, type SelectFieldProps, type TextAreaFieldProps } from "./Field";
export { Card, type CardProps } from "./Card";
export { EmptyState, type EmptyStateProps } from "./EmptyState";
export { PageHeader, type PageHeaderProps } from "./PageHeader";
export { Alert, type AlertProps } from "./Alert";
export { Badge, TagLink, type BadgeProps, type BadgeTone, type TagLinkProps } from "./Badge";
export { FormError, fieldErrorsOf, valuesOf } from "./FormError";
export { submitKeepingFields } from "./submitKeepingFields";
export { FieldRow } from "./FieldRow";
export { Table, cell, type TableProps } from "./Table";
export { SubNav, type SubNavItem } from "./SubNav";
export { Meter, type MeterProps, type MeterTone } from "./Meter";
export { Stats, type Stat } from "./Stats";
export { SourceLink } from "./SourceLink";
export { Columns } from "./Columns";
