/** Renderer entry: the shipped Korean font, the app's styles, and the root component. */
import './lib/zod-jitless.ts';
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import './styles/app.css';
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (target) mount(App, { target });
