export { default as Attachments } from './Attachments.svelte';
