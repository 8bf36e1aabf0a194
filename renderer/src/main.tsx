import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import { createApp } from './bootstrap.tsx';
import { getBridge } from './bridge.ts';
import { installGuards } from './guards.ts';

installGuards(window);

const container = document.getElementById('root');
if (container) {
  const { element } = createApp(getBridge());
  createRoot(container).render(element);
}
