{{/* The four services, in the order they are rendered. */}}
{{- define "firebreak.services" -}}
monitoring playbook publishing notification
{{- end }}

{{/* Which Firebreak services each service calls over HTTP (and so may reach through the NetworkPolicy). */}}
{{- define "firebreak.calls" -}}
playbook: [monitoring, publishing]
{{- end }}

{{- define "firebreak.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* <release>-monitoring, ...: the name of every object of one service. Call with (dict "root" $ "name" "monitoring"). */}}
{{- define "firebreak.serviceName" -}}
{{- printf "%s-%s" (include "firebreak.fullname" .root) .name }}
{{- end }}

{{- define "firebreak.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}-service
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "firebreak.labels" -}}
{{ include "firebreak.selectorLabels" . }}
app.kubernetes.io/part-of: firebreak
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{- define "firebreak.image" -}}
{{- $svc := index .root.Values .name }}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- if .root.Values.image.registry }}
{{- printf "%s/%s:%s" .root.Values.image.registry $svc.image.repository $tag }}
{{- else }}
{{- printf "%s:%s" $svc.image.repository $tag }}
{{- end }}
{{- end }}

{{/* The Secret holding a service's database credentials. */}}
{{- define "firebreak.databaseSecret" -}}
{{- $svc := index .root.Values .name }}
{{- $svc.database.existingSecret | default .root.Values.database.existingSecret }}
{{- end }}

{{- define "firebreak.publicUrl" -}}
{{- if .Values.publicUrl }}
{{- .Values.publicUrl | trimSuffix "/" }}
{{- else if .Values.ingress.host }}
{{- printf "https://%s" .Values.ingress.host }}
{{- else }}
{{- printf "http://%s-notification.%s.svc" (include "firebreak.fullname" .) .Release.Namespace }}
{{- end }}
{{- end }}

{{/* sslmode query parameter, shared by the JDBC and the reactive URL. */}}
{{- define "firebreak.sslQuery" -}}
{{- with .Values.database.sslMode }}?sslmode={{ . }}{{ end }}
{{- end }}
